import { formatAmount } from "@pva/storefront-core"

/** One order as its buyer sees it: pieces, totals, where it ships, how far it got. */
export function OrderSummary({ order }: { order: any }) {
  const address = order.shipping_address
  return (
    <>
      <p>
        Placed {new Date(order.created_at).toLocaleDateString("en-US")} · {order.status} · payment {String(order.payment_status).replace("_", " ")} ·{" "}
        {String(order.fulfillment_status).replace("_", " ")}
      </p>
      <table>
        <thead><tr><th>Piece</th><th>Quantity</th><th>Total</th></tr></thead>
        <tbody>
          {order.items.map((i: any) => <tr key={i.id}><td>{i.title}</td><td>{i.quantity}</td><td>{formatAmount(i.total, order.currency_code)}</td></tr>)}
        </tbody>
      </table>
      <p>Total {formatAmount(order.total, order.currency_code)}</p>
      {address && <p>Ships to {address.first_name} {address.last_name}, {address.address_1}, {address.city}</p>}
    </>
  )
}
