import type { OrderDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"

/** An open card dispute, at the top of the order page, so nobody ships a disputed order unawares. */
const OrderDisputeWidget = ({ order }: OrderDetailsWidgetProps) => {
  const dispute = (order.metadata as any)?.stripe_dispute
  if (!dispute) return null
  const amount = new Intl.NumberFormat("en-US", { style: "currency", currency: String(dispute.currency_code).toUpperCase() }).format(dispute.amount / 100)
  return (
    <div className="bg-rose-10 border-rose-40 rounded-rounded border p-large" data-testid="order-dispute">
      <h2 className="inter-large-semibold text-rose-50">Payment disputed</h2>
      <p className="inter-base-regular mt-small">
        The cardholder disputed {amount} (reason: {dispute.reason}, status: {dispute.status}). Hold fulfilment and answer the
        dispute {dispute.id} in Stripe&apos;s dashboard{dispute.evidence_due_by ? ` by ${new Date(dispute.evidence_due_by).toLocaleDateString()}` : ""}.
      </p>
    </div>
  )
}

export const config: WidgetConfig = { zone: "order.details.before" }

export default OrderDisputeWidget
