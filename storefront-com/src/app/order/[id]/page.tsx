import { Link } from "@/modules/common/link"
import { findOrder } from "@/lib/orders"
import { OrderSummary } from "@/modules/order/order-summary"

export const metadata = { title: "Your order" }

/** The order a guest found with /order/lookup (or a customer's own). */
export default async function OrderPage({ params }: { params: { id: string } }) {
  const order = await findOrder(params.id)
  if (!order) {
    return (
      <div className="container section">
        <p role="alert" className="alert">We cannot show this order in this browser.</p>
        <Link href="/order/lookup">Find an order with its number and email</Link>
      </div>
    )
  }
  return (
    <div className="container section">
      <h1>Order {order.pva_number}</h1>
      <OrderSummary order={order} />
      <p><Link href="/order/lookup">Find another order</Link></p>
    </div>
  )
}
