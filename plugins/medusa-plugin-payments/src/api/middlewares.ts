import type { MiddlewaresConfig } from "@medusajs/medusa"
import { raw } from "body-parser"
import { amendJsonResponse } from "@pva/medusa-kit"
import type { NextFunction, Request, Response } from "express"
import type CartCompletionLockService from "../services/cart-completion-lock"
import type StripeCartPaymentService from "../services/stripe-cart-payment"

/** The browser's completion waits for a webhook's completion of the same cart (and the reverse), then sees its order. */
async function oneCompletionPerCart(req: Request, res: Response, next: NextFunction) {
  const cartId = /\/store\/carts\/([^/]+)\/complete/.exec(req.originalUrl)?.[1]
  if (!cartId) return next()
  const locks: CartCompletionLockService = (req as any).scope.resolve("cartCompletionLockService")
  let release: () => Promise<void>
  try {
    release = await locks.acquire(decodeURIComponent(cartId))
  } catch (err) {
    return next(err)
  }
  res.once("close", () => void release().catch(() => undefined))
  next()
}

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
    { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [oneCompletionPerCart, explainUnpaidCart] },
  ],
}
