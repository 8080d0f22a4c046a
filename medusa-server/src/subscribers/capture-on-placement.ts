import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type PaymentCaptureService from "../services/payment-capture"

/** Digital goods (and, in development, manual payments) are paid for as the order is placed. */
export default async function captureOnPlacement({ data, container }: SubscriberArgs<{ id: string }>) {
  const capture: PaymentCaptureService = container.resolve("paymentCaptureService")
  await capture.onPlaced(data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pva-capture-on-placement" },
}
