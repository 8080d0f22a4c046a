import Link from "next/link"
import { formatAmount } from "@pva/storefront-core"
import type { Offering } from "@/lib/types"
import { SharesBar } from "./shares-bar"

const STATUS: Record<string, string> = { open: "Open", closed: "Closed", sold_out: "Sold out" }

export function OfferingCard({ offering }: { offering: Offering }) {
  return (
    <article className="card">
      <Link href={`/offerings/${offering.id}`} className="body">
        <h3>{offering.title}</h3>
        <p>
          <strong>{formatAmount(offering.prices.usd, "usd")}</strong> <span className="muted">per share</span>{" "}
          <span className="badge">{STATUS[offering.status] ?? offering.status}</span>
        </p>
        <SharesBar total={offering.total_shares} remaining={offering.remaining} />
      </Link>
    </article>
  )
}
