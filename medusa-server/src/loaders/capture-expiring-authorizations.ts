// Hourly (PAYMENT_CAPTURE_CHECK_INTERVAL_MS), card authorizations close to lapsing are captured or flagged to the admin, so an
// order whose money was only held is never silently left unpaid.
import { isApiOnlyProcess, runPeriodically } from "@pva/medusa-kit"
import { readServerEnv } from "../config/env"
import type PaymentCaptureService from "../services/payment-capture"

export default async function captureExpiringAuthorizations(container: { resolve: <T>(name: string) => T }): Promise<void> {
  if (isApiOnlyProcess()) return
  runPeriodically({
    name: "payments: capturing authorizations about to lapse",
    schedule: { everyMs: readServerEnv().payments.captureCheckIntervalMs },
    task: () => container.resolve<PaymentCaptureService>("paymentCaptureService").captureExpiring(),
    logger: container.resolve("logger"),
  })
}
