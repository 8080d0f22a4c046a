import type { MiddlewaresConfig } from "@medusajs/medusa"
import { raw } from "body-parser"
import { amendJsonResponse, onMethod } from "@pva/medusa-kit"
import type { NextFunction, Request, Response } from "express"
import { cartPaysByStripe, orderPaysByStripe } from "../db/store-payments"
import type AdvisoryLockService from "../services/advisory-lock"
import { cartCompletionLock, orderCaptureLock } from "../services/advisory-lock"
import type StripeCartPaymentService from "../services/stripe-cart-payment"

/** Holds `lockOf(id)` from the request's start until its answer is sent (see AdvisoryLockService). */
function holdLock(pattern: RegExp, lockOf: (id: string) => string, applies: (req: Request, id: string) => Promise<boolean>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const raw = pattern.exec(req.originalUrl)?.[1]
    if (!raw) return next()
    const id = decodeURIComponent(raw)
    const locks: AdvisoryLockService = (req as any).scope.resolve("advisoryLockService")
    let release: () => Promise<void>
    try {
      // The lock holds a connection for the whole request: only where a webhook can race it.
      if (!(await applies(req, id))) return next()
      release = await locks.acquire(lockOf(id))
    } catch (err) {
      return next(err)
    }
    res.once("close", () => void release().catch(() => undefined))
    next()
  }
}

const paysByStripe = (pays: typeof cartPaysByStripe) => (req: Request, id: string) => pays((req as any).scope.resolve("manager"), id)

/** The browser's completion waits for a webhook's completion of the same cart (and the reverse), then sees its order. */
const oneCompletionPerCart = holdLock(
  /\/store\/carts\/([^/?]+)\/complete/,
  cartCompletionLock,
  paysByStripe(cartPaysByStripe)
)
/** Admin's capture and a `payment_intent.succeeded` webhook for the same order do not both capture it. */
const oneCapturePerOrder = holdLock(
  /\/admin\/orders\/([^/?]+)\/capture/,
  orderCaptureLock,
  paysByStripe(orderPaysByStripe)
)

/** A declined or unfinished card payment answers the cart completion with what the shopper must hear. */
const explainUnpaidCart = amendJsonResponse(async (body, req) => {
  if (body?.type !== "cart") return
  const payments: StripeCartPaymentService = (req as any).scope.resolve("stripeCartPaymentService")
  const payment_error = await payments.errorOf(body.data)
  if (payment_error) return { ...body, payment_error }
})

export const config: MiddlewaresConfig = {
  routes: [
    // The signature is computed over the exact bytes Stripe sent: Medusa's JSON parser must not see them.
    { matcher: "/stripe/hooks", bodyParser: false, middlewares: [raw({ type: "application/json", limit: "1mb" })] },
    // onMethod, not a `method` matcher: browsers' preflights on these paths stay Medusa's (CORS).
    { matcher: "/store/carts/:id/complete", middlewares: [onMethod("POST", oneCompletionPerCart), onMethod("POST", explainUnpaidCart)] },
    { matcher: "/admin/orders/:id/capture", middlewares: [onMethod("POST", oneCapturePerOrder)] },
  ],
}
