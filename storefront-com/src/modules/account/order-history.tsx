import { Link } from "@/modules/common/link"

export function OrderHistory({ orders }: { orders: any[] | null }) {
  return (
    <section className="section" aria-labelledby="orders">
      <h2 id="orders">Order history</h2>
      {orders === null ? <p>Loading…</p> : orders.length === 0 ? <p>No orders yet.</p> : (
        <table>
          <thead><tr><th>Order</th><th>Date</th><th>Status</th></tr></thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-testid="order-row">
                <td><Link href={`/account/orders/${o.id}`}>{o.pva_number ?? `#${o.display_id}`}</Link></td>
                <td>{new Date(o.created_at).toLocaleDateString("en-US")}</td>
                <td>{o.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
