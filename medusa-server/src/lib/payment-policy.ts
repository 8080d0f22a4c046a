/**
 * When the money is taken, and which payment methods a cart may use: the rules as pure
 * functions of the settings, so the checkout, the order subscribers and the tests share them.
 *
 * Capture policy: an order holding anything delivered digitally (a share line, or a piece
 * whose digital twin is issued with it) is captured when it is placed, because what it
 * delivers cannot be taken back; an order of physical pieces only is captured when it is
 * fulfilled. A manual payment (invoice, bank transfer) is captured by an admin once the
 * money has arrived, or at placement where development allows it (MANUAL_PAYMENT_AUTO_CAPTURE).
 */
export const MANUAL_PROVIDER = "manual"

export type PaymentSettings = {
  /** MANUAL_PAYMENT_ENABLED: the shop accepts invoice / bank transfer (production: off unless set). */
  manualEnabled: boolean
  /** MANUAL_PAYMENT_AUTO_CAPTURE: a manual payment counts as paid at placement (development only). */
  manualAutoCapture: boolean
  /** Share lines may be paid manually: development only, so the journeys run without a card. */
  manualForShares: boolean
  /** PAYMENT_CAPTURE_CHECK_INTERVAL_MS: how often authorizations close to lapsing are looked for. */
  captureCheckIntervalMs: number
}

/**
 * How long a provider's uncaptured authorization holds the money. Stripe's card
 * authorizations lapse 7 days after they are made; a provider not listed never lapses.
 */
export const AUTHORIZATION_LIFETIME_DAYS: Record<string, number> = { stripe: 7 }
/** Captured (or flagged) this long before the authorization would lapse. */
export const CAPTURE_MARGIN_HOURS = 24

export type CaptureMoment = "placement" | "fulfillment" | "admin"

export function captureMoment(order: { providerId: string | null; hasDigitalGoods: boolean }, settings: PaymentSettings): CaptureMoment {
  if (order.providerId === MANUAL_PROVIDER) return settings.manualAutoCapture ? "placement" : "admin"
  return order.hasDigitalGoods ? "placement" : "fulfillment"
}

/** Why this cart may not be paid with `providerId`, or null when it may. */
export function paymentRefusal(cart: { providerId: string | null; hasShareLines: boolean }, settings: PaymentSettings): string | null {
  if (cart.providerId !== MANUAL_PROVIDER) return null
  if (!settings.manualEnabled) return "Payment by invoice or bank transfer is not offered: choose another payment method"
  if (cart.hasShareLines && !settings.manualForShares) {
    return "Shares are paid by card: payment by invoice or bank transfer is not offered for shares"
  }
  return null
}

/** Orders created before this moment whose authorization by `providerId` must be captured now (null: never lapses). */
export function captureDeadline(providerId: string, now = new Date()): Date | null {
  const days = AUTHORIZATION_LIFETIME_DAYS[providerId]
  if (!days) return null
  return new Date(now.getTime() - (days * 24 - CAPTURE_MARGIN_HOURS) * 3600_000)
}
