import { lookupOrder } from "@/lib/actions/order-lookup"
import { OrderLookupForm } from "@/modules/order/order-lookup-form"

export const metadata = { title: "Find your order" }

export default function OrderLookupPage() {
  return (
    <div className="container section">
      <OrderLookupForm lookup={lookupOrder} />
    </div>
  )
}
