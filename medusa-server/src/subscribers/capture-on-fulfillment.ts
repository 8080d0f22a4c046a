import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type PaymentCaptureService from "../services/payment-capture"

/** Physical pieces paid by card are captured when they are fulfilled. */
export default async function captureOnFulfillment({ data, container }: SubscriberArgs<{ id: string }>) {
  const capture: PaymentCaptureService = container.resolve("paymentCaptureService")
  await capture.onFulfilled(data.id)
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
  context: { subscriberId: "pva-capture-on-fulfillment" },
}
