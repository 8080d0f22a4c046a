// Hourly (PAYMENT_CAPTURE_CHECK_INTERVAL_MS), card authorizations close to lapsing are captured or flagged to the admin, so an
// order whose money was only held is never silently left unpaid. One worker process does it per firing.
import { scheduleInContainer, type SchedulingContainer } from "@pva/medusa-kit"
import { readServerEnv } from "../config/env"
import type PaymentCaptureService from "../services/payment-capture"

export default async function captureExpiringAuthorizations(container: SchedulingContainer): Promise<void> {
  scheduleInContainer(container, {
    name: "payments: capturing authorizations about to lapse",
    schedule: { everyMs: readServerEnv().payments.captureCheckIntervalMs },
    task: () => container.resolve<PaymentCaptureService>("paymentCaptureService").captureExpiring(),
  })
}
