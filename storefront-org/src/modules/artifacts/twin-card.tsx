import Link from "next/link"
import { serverUrl } from "@/lib/server-url"
import { STATUS_LABELS, shortAddress } from "@/lib/format"
import type { Twin } from "@/lib/types"

export function TwinCard({ twin, priority = false }: { twin: Twin; priority?: boolean }) {
  return (
    <article className="card">
      <Link href={`/artifacts/${twin.token_id}`}>
        {/* eslint-disable-next-line @next/next/no-img-element -- the storefronts serve images unoptimized (next-config), straight from the server */}
        <img
          src={serverUrl(twin.image_url)}
          alt={twin.title}
          width={400}
          height={400}
          loading={priority ? "eager" : "lazy"}
          {...(priority ? { fetchPriority: "high" as const } : {})}
        />
        <div className="body">
          <h3>{twin.title}</h3>
          <p>
            <span className={`badge status-${twin.status}`}>{STATUS_LABELS[twin.status] ?? twin.status}</span>
          </p>
          {twin.owner ? <p className="muted">Owner {shortAddress(twin.owner)}</p> : null}
        </div>
      </Link>
    </article>
  )
}
