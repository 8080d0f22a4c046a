// Hourly, card authorizations close to lapsing are captured or flagged to the admin, so an
// order whose money was only held is never silently left unpaid.
import { isApiOnlyProcess, runPeriodically } from "@pva/medusa-kit"
import type PaymentCaptureService from "../services/payment-capture"

const HOUR_MS = 3600_000

export default async function captureExpiringAuthorizations(container: { resolve: <T>(name: string) => T }): Promise<void> {
  if (isApiOnlyProcess()) return
  runPeriodically({
    name: "payments: capturing authorizations about to lapse",
    schedule: { everyMs: HOUR_MS },
    task: () => container.resolve<PaymentCaptureService>("paymentCaptureService").captureExpiring(),
    logger: container.resolve("logger"),
  })
}
