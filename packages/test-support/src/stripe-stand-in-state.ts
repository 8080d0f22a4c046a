import crypto from "crypto"

/**
 * The state of the Stripe stand-in: PaymentIntents, charges, refunds, disputes and the
 * events their changes produce, following Stripe's documented objects and state machine
 * (https://docs.stripe.com/payments/paymentintents/lifecycle) for what this shop uses.
 */

export type StripeObject = Record<string, any>

/** A Stripe API error: `status` is the HTTP status, `error` the body's `error` object. */
export class StripeApiError extends Error {
  constructor(public status: number, public error: StripeObject) {
    super(error.message)
  }
}

/** Stripe's test payment methods (https://docs.stripe.com/testing) the stand-in knows. */
export const TEST_PAYMENT_METHODS = {
  succeeds: "pm_card_visa",
  declined: "pm_card_chargeDeclined",
  insufficientFunds: "pm_card_chargeDeclinedInsufficientFunds",
  threeDSecure: "pm_card_threeDSecureRequired",
} as const

const DECLINES: Record<string, { decline_code: string; message: string }> = {
  pm_card_chargeDeclined: { decline_code: "generic_decline", message: "Your card was declined." },
  pm_card_chargeDeclinedInsufficientFunds: { decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
}
const THREE_D_SECURE = new Set(["pm_card_threeDSecureRequired", "pm_card_authenticationRequired"])
const KNOWN_METHODS = new Set(["pm_card_visa", "pm_card_mastercard", ...Object.keys(DECLINES), ...THREE_D_SECURE])

const id = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`
const now = () => Math.floor(Date.now() / 1000)

export const invalidRequest = (message: string, extra: StripeObject = {}) =>
  new StripeApiError(400, { type: "invalid_request_error", message, ...extra })
export const missing = (kind: string, objectId: string) =>
  new StripeApiError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${objectId}'` })

export class StripeState {
  readonly intents = new Map<string, StripeObject>()
  readonly charges = new Map<string, StripeObject>()
  readonly refunds = new Map<string, StripeObject>()
  readonly customers = new Map<string, StripeObject>()
  readonly events: StripeObject[] = []
  /** Called with every event the state produces, in order. */
  onEvent: (event: StripeObject) => void = () => {}

  constructor(private challengeUrl: (intentId: string) => string) {}

  createCustomer(params: StripeObject): StripeObject {
    const customer = { id: id("cus"), object: "customer", created: now(), email: params.email ?? null, metadata: params.metadata ?? {} }
    this.customers.set(customer.id, customer)
    return customer
  }

  createIntent(params: StripeObject): StripeObject {
    const amount = amountParam(params.amount, "amount")
    if (!params.currency) throw invalidRequest("Missing required param: currency.", { param: "currency" })
    const intentId = id("pi")
    const intent: StripeObject = {
      id: intentId,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      capture_method: params.capture_method ?? "automatic",
      client_secret: `${intentId}_secret_${crypto.randomBytes(12).toString("hex")}`,
      created: params.created ? Number(params.created) : now(),
      currency: String(params.currency).toLowerCase(),
      customer: params.customer ?? null,
      description: params.description ?? null,
      automatic_payment_methods: params.automatic_payment_methods ? { enabled: params.automatic_payment_methods.enabled === "true" } : null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: params.metadata ?? {},
      next_action: null,
      payment_method: null,
      status: "requires_payment_method",
      canceled_at: null,
      cancellation_reason: null,
    }
    this.intents.set(intentId, intent)
    this.emit("payment_intent.created", intent)
    if (params.payment_method) intent.payment_method = params.payment_method
    if (params.confirm === "true") return this.confirmIntent(intentId, params)
    return intent
  }

  intent(intentId: string): StripeObject {
    const intent = this.intents.get(intentId)
    if (!intent) throw missing("payment_intent", intentId)
    return intent
  }

  updateIntent(intentId: string, params: StripeObject): StripeObject {
    const intent = this.intent(intentId)
    if (["succeeded", "canceled", "processing"].includes(intent.status)) {
      throw unexpectedState(intent, `You cannot update this PaymentIntent because it has a status of ${intent.status}.`)
    }
    if (params.amount !== undefined) intent.amount = amountParam(params.amount, "amount")
    if (params.metadata) intent.metadata = { ...intent.metadata, ...params.metadata }
    for (const key of ["description", "customer", "payment_method"]) if (params[key] !== undefined) intent[key] = params[key]
    return intent
  }

  confirmIntent(intentId: string, params: StripeObject): StripeObject {
    const intent = this.intent(intentId)
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
      throw unexpectedState(intent, `This PaymentIntent's status is ${intent.status}, but it must be requires_payment_method, requires_confirmation or requires_action to be confirmed.`)
    }
    const method = params.payment_method ?? intent.payment_method
    if (!method) throw invalidRequest("You cannot confirm this PaymentIntent because it's missing a payment method.", { code: "payment_intent_unexpected_state", param: "payment_method" })
    if (!KNOWN_METHODS.has(method)) throw missing("payment_method", method)
    intent.payment_method = method
    intent.last_payment_error = null
    const decline = DECLINES[method]
    if (decline) {
      const error = { type: "card_error", code: "card_declined", decline_code: decline.decline_code, message: decline.message, payment_method: { id: method } }
      Object.assign(intent, { status: "requires_payment_method", last_payment_error: error, next_action: null })
      this.emit("payment_intent.payment_failed", intent)
      throw new StripeApiError(402, { ...error, payment_intent: clone(intent), doc_url: "https://stripe.com/docs/error-codes/card-declined" })
    }
    if (THREE_D_SECURE.has(method)) {
      const returnUrl = params.return_url ?? null
      intent.status = "requires_action"
      intent.next_action = { type: "redirect_to_url", redirect_to_url: { url: this.challengeUrl(intentId), return_url: returnUrl } }
      this.emit("payment_intent.requires_action", intent)
      return intent
    }
    return this.authorize(intent)
  }

  /** The cardholder passed (or failed) the 3-D Secure challenge of a `requires_action` intent. */
  finishChallenge(intentId: string, passed: boolean): StripeObject {
    const intent = this.intent(intentId)
    if (intent.status !== "requires_action") throw unexpectedState(intent, `This PaymentIntent's status is ${intent.status}, not requires_action.`)
    intent.next_action = null
    if (!passed) {
      intent.status = "requires_payment_method"
      intent.last_payment_error = {
        type: "card_error",
        code: "payment_intent_authentication_failure",
        message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
      }
      this.emit("payment_intent.payment_failed", intent)
      return intent
    }
    return this.authorize(intent)
  }

  captureIntent(intentId: string, params: StripeObject = {}): StripeObject {
    const intent = this.intent(intentId)
    if (intent.status !== "requires_capture") {
      throw unexpectedState(intent, `This PaymentIntent could not be captured because it has a status of ${intent.status}.`)
    }
    const amount = params.amount_to_capture !== undefined ? amountParam(params.amount_to_capture, "amount_to_capture") : intent.amount_capturable
    if (amount > intent.amount_capturable) throw invalidRequest("The amount to capture is greater than the amount capturable.", { param: "amount_to_capture" })
    Object.assign(intent, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
    const charge = this.charges.get(intent.latest_charge)!
    Object.assign(charge, { captured: true, amount_captured: amount, status: "succeeded" })
    this.emit("charge.captured", charge)
    this.emit("payment_intent.succeeded", intent)
    return intent
  }

  cancelIntent(intentId: string, params: StripeObject = {}): StripeObject {
    const intent = this.intent(intentId)
    if (["succeeded", "canceled", "processing"].includes(intent.status)) {
      throw unexpectedState(intent, `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`)
    }
    Object.assign(intent, { status: "canceled", amount_capturable: 0, canceled_at: now(), cancellation_reason: params.cancellation_reason ?? "requested_by_customer", next_action: null })
    this.emit("payment_intent.canceled", intent)
    return intent
  }

  createRefund(params: StripeObject): StripeObject {
    const intentId = params.payment_intent ?? (params.charge && this.charges.get(params.charge)?.payment_intent)
    if (!intentId) throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.")
    const intent = this.intent(intentId)
    const charge = intent.latest_charge && this.charges.get(intent.latest_charge)
    if (!charge || !charge.captured) throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { code: "charge_not_refundable" })
    const left = charge.amount_captured - charge.amount_refunded
    const amount = params.amount !== undefined ? amountParam(params.amount, "amount") : left
    if (amount > left) {
      throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, { code: "amount_too_large", param: "amount" })
    }
    const refund = {
      id: id("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: params.created ? Number(params.created) : now(),
      currency: intent.currency,
      metadata: params.metadata ?? {},
      payment_intent: intentId,
      reason: params.reason ?? null,
      status: "succeeded",
    }
    this.refunds.set(refund.id, refund)
    Object.assign(charge, { amount_refunded: charge.amount_refunded + amount, refunded: charge.amount_refunded + amount === charge.amount_captured })
    this.emit("refund.created", refund)
    this.emit("charge.refunded", { ...charge, refunds: { object: "list", data: this.refundsOf(intentId), has_more: false } })
    return refund
  }

  refundsOf(intentId: string): StripeObject[] {
    return [...this.refunds.values()].filter((r) => r.payment_intent === intentId).sort((a, b) => b.created - a.created)
  }

  /** A cardholder disputes the intent's charge (in Stripe: a test card's dispute, or the bank's notice). */
  openDispute(intentId: string, reason = "fraudulent"): StripeObject {
    const intent = this.intent(intentId)
    const charge = intent.latest_charge && this.charges.get(intent.latest_charge)
    if (!charge) throw invalidRequest(`PaymentIntent ${intentId} has no charge to dispute.`)
    const dispute = {
      id: id("dp"),
      object: "dispute",
      amount: charge.amount_captured || charge.amount,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      payment_intent: intentId,
      reason,
      status: "needs_response",
      evidence_details: { due_by: now() + 7 * 24 * 3600 },
    }
    Object.assign(charge, { disputed: true })
    this.emit("charge.dispute.created", dispute)
    return dispute
  }

  private authorize(intent: StripeObject): StripeObject {
    const charge = {
      id: id("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      created: now(),
      currency: intent.currency,
      disputed: false,
      metadata: intent.metadata,
      paid: true,
      payment_intent: intent.id,
      payment_method: intent.payment_method,
      refunded: false,
      status: "succeeded",
    }
    this.charges.set(charge.id, charge)
    intent.latest_charge = charge.id
    if (intent.capture_method === "automatic") {
      Object.assign(intent, { status: "succeeded", amount_received: intent.amount })
      Object.assign(charge, { captured: true, amount_captured: intent.amount })
      this.emit("charge.succeeded", charge)
      this.emit("payment_intent.succeeded", intent)
    } else {
      Object.assign(intent, { status: "requires_capture", amount_capturable: intent.amount })
      this.emit("charge.succeeded", charge)
      this.emit("payment_intent.amount_capturable_updated", intent)
    }
    return intent
  }

  private emit(type: string, object: StripeObject) {
    const event = {
      id: id("evt"),
      object: "event",
      api_version: "2022-11-15",
      created: now(),
      data: { object: clone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
    this.events.push(event)
    this.onEvent(event)
  }
}

function unexpectedState(intent: StripeObject, message: string) {
  return new StripeApiError(400, { type: "invalid_request_error", code: "payment_intent_unexpected_state", message, payment_intent: clone(intent) })
}

function amountParam(value: unknown, param: string): number {
  const amount = Number(value)
  if (!Number.isInteger(amount) || amount < 1) throw invalidRequest(`Invalid integer: ${value}`, { param })
  return amount
}

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value))
