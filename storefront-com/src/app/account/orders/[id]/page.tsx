import { Link } from "@/modules/common/link"
import { findOrder } from "@/lib/orders"
import { OrderSummary } from "@/modules/order/order-summary"

export const metadata = { title: "Your order" }

export default async function AccountOrderPage({ params }: { params: { id: string } }) {
  const order = await findOrder(params.id)
  if (!order) {
    return (
      <div className="container section">
        <p role="alert" className="alert">This order is not in your account. Log in as the customer who placed it.</p>
        <Link href="/account">Your account</Link>
      </div>
    )
  }
  return (
    <div className="container section">
      <h1>Order {order.pva_number}</h1>
      <OrderSummary order={order} />
      <Link href="/account">Back to your account</Link>
    </div>
  )
}
