import { cookies } from "next/headers"
import { Link } from "@/modules/common/link"
import { formatAmount } from "@pva/storefront-core"
import { readSessionToken } from "@pva/storefront-core/session"
import { findOrder } from "@/lib/orders"

export const metadata = { title: "Thank you for your order" }

export default async function OrderConfirmed({ params }: { params: { id: string } }) {
  const order = await findOrder(params.id)
  const signedIn = Boolean(readSessionToken(cookies()))
  if (!order) {
    return (
      <div className="container section">
        <p role="alert" className="alert">We cannot show this order in this browser. <Link href="/order/lookup">Find it with its number and email</Link>.</p>
      </div>
    )
  }
  return (
    <div className="container section">
      <h1>Thank you for your order</h1>
      <p style={{ fontSize: "1.25rem" }}>Order number <strong data-testid="pva-number">{order.pva_number}</strong></p>
      <p>A confirmation is on its way to {order.email}.</p>
      <ul>
        {order.items.map((i: any) => <li key={i.id}>{i.quantity} × {i.title}</li>)}
      </ul>
      <p>Total {formatAmount(order.total, order.currency_code)}</p>
      {!signedIn && (
        <p className="ok">
          <Link href="/account#register">Create an account</Link> with {order.email} to follow this order.
        </p>
      )}
    </div>
  )
}
