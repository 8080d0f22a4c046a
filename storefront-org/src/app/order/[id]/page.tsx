import type { Metadata } from "next"
import { OrderSharesStatus } from "@/modules/offerings/order-shares-status"

export const metadata: Metadata = { title: "Order placed" }

export default function OrderPage({ params }: { params: { id: string } }) {
  return (
    <div className="container section">
      <h1>Thank you: your order is placed</h1>
      <OrderSharesStatus orderId={params.id} />
    </div>
  )
}
