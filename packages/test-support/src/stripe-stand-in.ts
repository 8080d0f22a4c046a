import crypto from "crypto"
import http from "http"
import { AddressInfo } from "net"
import qs from "qs"
import Stripe from "stripe"
import { clone, invalidRequest, missing, StripeApiError, StripeObject, StripeState } from "./stripe-stand-in-state"

export { TEST_PAYMENT_METHODS } from "./stripe-stand-in-state"

/**
 * A loopback stand-in for Stripe's API (https://docs.stripe.com/api), for the calls
 * medusa-payment-stripe and the shop make: customers, PaymentIntents (create, retrieve,
 * update, confirm, capture, cancel, list), refunds (create, list), events (list). Bodies are
 * form-encoded as stripe-node sends them; answers and errors are Stripe's shapes; a repeated
 * `Idempotency-Key` with the same parameters gets the first answer again. Webhook events go to
 * `webhookUrl`, signed as Stripe signs them (`Stripe-Signature`, via the official library).
 */
export type StripeStandIn = {
  url: string
  port: number
  state: StripeState
  webhookSecret: string
  /** Where events are sent (none: they are only recorded). */
  webhookUrl?: string
  /** Every webhook delivery: event id, type and the status the endpoint answered. */
  deliveries: Array<{ eventId: string; type: string; status: number }>
  /** Sends one event `times` times at once (a retry storm), signed with `secret` and `timestamp` when given. */
  deliver(event: StripeObject, opts?: { times?: number; secret?: string; timestamp?: number; body?: string }): Promise<number[]>
  /** The last event of a type about an object (the PaymentIntent, or what points at it). */
  lastEvent(type: string, objectId: string): StripeObject
  /** Waits until the webhook deliveries started so far have been answered. */
  settled(): Promise<void>
  /** The cardholder passes or fails the 3-D Secure challenge: the redirect URL the browser goes back to. */
  completeChallenge(intentId: string, passed?: boolean): string
  close(): Promise<void>
}

export const STAND_IN_SECRET_KEY = "sk_test_stand_in"
export const STAND_IN_PUBLISHABLE_KEY = "pk_test_stand_in"

export async function startStripeStandIn(opts: { webhookSecret?: string; webhookUrl?: string; autoDeliver?: boolean } = {}): Promise<StripeStandIn> {
  const webhookSecret = opts.webhookSecret ?? `whsec_${crypto.randomBytes(16).toString("hex")}`
  const signer = new Stripe(STAND_IN_SECRET_KEY, { apiVersion: "2022-11-15" })
  const idempotent = new Map<string, { params: string; status: number; body: string }>()
  const pending = new Set<Promise<unknown>>()
  let url = ""
  const state = new StripeState((intentId) => `${url}/3ds/${intentId}`)

  const standIn: StripeStandIn = {
    url: "",
    port: 0,
    state,
    webhookSecret,
    webhookUrl: opts.webhookUrl,
    deliveries: [],
    async deliver(event, o = {}) {
      const target = standIn.webhookUrl
      if (!target) throw new Error("the Stripe stand-in has no webhookUrl to deliver to")
      const payload = o.body ?? JSON.stringify(event, null, 2)
      const header = signer.webhooks.generateTestHeaderString({ payload, secret: o.secret ?? webhookSecret, timestamp: o.timestamp })
      const send = async () => {
        const res = await fetch(target, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload })
        await res.text()
        standIn.deliveries.push({ eventId: event.id, type: event.type, status: res.status })
        return res.status
      }
      const all = Promise.all(Array.from({ length: o.times ?? 1 }, send))
      pending.add(all)
      try {
        return await all
      } finally {
        pending.delete(all)
      }
    },
    lastEvent(type, objectId) {
      const match = [...state.events].reverse().find((e) => {
        const o = e.data.object
        return e.type === type && (o.id === objectId || o.payment_intent === objectId)
      })
      if (!match) throw new Error(`the Stripe stand-in sent no ${type} about ${objectId}`)
      return match
    },
    async settled() {
      while (pending.size) await Promise.allSettled([...pending])
    },
    completeChallenge(intentId, passed = true) {
      const returnUrl = state.intent(intentId).next_action?.redirect_to_url?.return_url
      const intent = state.finishChallenge(intentId, passed)
      return returnUrlOf(intent, returnUrl, passed)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }

  if (opts.autoDeliver !== false) {
    state.onEvent = (event) => {
      // Stripe sends each event after the API call that caused it answered, so do we.
      if (standIn.webhookUrl) setTimeout(() => standIn.deliver(event).catch(() => undefined), 0)
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8")
      let status = 200
      let body: string
      let location: string | undefined
      try {
        const parsed = new URL(req.url ?? "/", "http://stand-in")
        if (req.method === "GET" && parsed.pathname.startsWith("/3ds/")) {
          // The issuer's challenge page: the browser lands here and is sent back to the shop.
          const intentId = parsed.pathname.split("/")[2]
          location = standIn.completeChallenge(intentId, parsed.searchParams.get("outcome") !== "fail")
          status = 302
          body = ""
        } else {
          const key = authenticate(req.headers.authorization)
          const params = req.method === "GET" ? qs.parse(parsed.search.slice(1)) : qs.parse(raw)
          const idemKey = req.method === "POST" ? (req.headers["idempotency-key"] as string | undefined) : undefined
          const remembered = idemKey && idempotent.get(`${key}:${idemKey}`)
          if (remembered) {
            if (remembered.params !== raw) {
              throw new StripeApiError(400, {
                type: "idempotency_error",
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
              })
            }
            res.writeHead(remembered.status, { "content-type": "application/json", "idempotent-replayed": "true" }).end(remembered.body)
            return
          }
          try {
            body = JSON.stringify(route(state, req.method ?? "GET", parsed.pathname, params as StripeObject, key))
          } catch (err) {
            if (!(err instanceof StripeApiError)) throw err
            status = err.status
            body = JSON.stringify({ error: err.error })
          }
          if (idemKey) idempotent.set(`${key}:${idemKey}`, { params: raw, status, body })
        }
      } catch (err) {
        status = err instanceof StripeApiError ? err.status : 500
        body = JSON.stringify({ error: err instanceof StripeApiError ? err.error : { type: "api_error", message: String(err) } })
      }
      res.writeHead(status, { "content-type": "application/json", "request-id": `req_${crypto.randomBytes(8).toString("hex")}`, ...(location ? { location } : {}) })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  url = `http://127.0.0.1:${port}`
  Object.assign(standIn, { url, port })
  return standIn
}

/** The shop's secret key may do anything; the publishable key (Stripe.js in a browser) only confirms and retrieves with the client secret. */
function authenticate(header: string | undefined): "secret" | "publishable" {
  const key = header?.replace(/^Bearer /, "")
  if (key === STAND_IN_SECRET_KEY || key?.startsWith("sk_test_")) return "secret"
  if (key?.startsWith("pk_test_")) return "publishable"
  throw new StripeApiError(401, {
    type: "invalid_request_error",
    message: key ? `Invalid API Key provided: ${key.slice(0, 8)}****` : "You did not provide an API key.",
  })
}

function route(state: StripeState, method: string, path: string, params: StripeObject, key: "secret" | "publishable"): StripeObject {
  const parts = path.replace(/^\/v1\//, "").split("/")
  const [resource, objectId, action] = parts
  if (key === "publishable") {
    // Stripe.js: retrieve or confirm an intent it holds the client secret of.
    const intent = resource === "payment_intents" && objectId ? state.intent(objectId) : null
    if (!intent || params.client_secret !== intent.client_secret || !(method === "GET" ? !action : action === "confirm")) {
      throw invalidRequest("This API call cannot be made with a publishable API key.")
    }
    return clone(method === "GET" ? intent : state.confirmIntent(objectId, params))
  }
  if (resource === "customers" && method === "POST" && !objectId) return state.createCustomer(params)
  if (resource === "payment_intents") {
    if (!objectId) return method === "POST" ? clone(state.createIntent(params)) : list([...state.intents.values()], params, "/v1/payment_intents")
    if (method === "GET" && !action) return clone(state.intent(objectId))
    if (method === "POST" && !action) return clone(state.updateIntent(objectId, params))
    if (method === "POST" && action === "confirm") return clone(state.confirmIntent(objectId, params))
    if (method === "POST" && action === "capture") return clone(state.captureIntent(objectId, params))
    if (method === "POST" && action === "cancel") return clone(state.cancelIntent(objectId, params))
  }
  if (resource === "refunds") {
    if (method === "POST" && !objectId) return clone(state.createRefund(params))
    if (method === "GET" && !objectId) {
      const all = [...state.refunds.values()].filter((r) => !params.payment_intent || r.payment_intent === params.payment_intent)
      return list(all, params, "/v1/refunds")
    }
    if (method === "GET") {
      const refund = state.refunds.get(objectId)
      if (!refund) throw missing("refund", objectId)
      return clone(refund)
    }
  }
  if (resource === "events" && method === "GET" && !objectId) return list(state.events, params, "/v1/events")
  throw new StripeApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` })
}

/** Stripe's list: newest first, `limit` (1–100, default 10), `starting_after`, `created[gte|gt|lte|lt]`. */
function list(objects: StripeObject[], params: StripeObject, url: string): StripeObject {
  const limit = params.limit === undefined ? 10 : Number(params.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidRequest("Invalid integer: limit must be between 1 and 100", { param: "limit" })
  const created = typeof params.created === "object" ? params.created : params.created !== undefined ? { eq: params.created } : {}
  const bound = (name: string) => (created[name] === undefined ? undefined : Number(created[name]))
  const [gte, gt, lte, lt, eq] = ["gte", "gt", "lte", "lt", "eq"].map(bound)
  // Newest first; the creation order breaks ties between objects made in the same second.
  let rows = objects
    .map((o, index) => ({ o, index }))
    .filter(({ o }) => (gte === undefined || o.created >= gte) && (gt === undefined || o.created > gt) && (lte === undefined || o.created <= lte) && (lt === undefined || o.created < lt) && (eq === undefined || o.created === eq))
    .sort((a, b) => b.o.created - a.o.created || b.index - a.index)
    .map(({ o }) => o)
  if (params.starting_after) {
    const at = rows.findIndex((o) => o.id === params.starting_after)
    if (at < 0) throw missing("object", params.starting_after)
    rows = rows.slice(at + 1)
  }
  return { object: "list", url, has_more: rows.length > limit, data: clone(rows.slice(0, limit)) }
}

function returnUrlOf(intent: StripeObject, returnUrl: string | null | undefined, passed: boolean): string {
  const target = new URL(returnUrl ?? "http://127.0.0.1/")
  target.searchParams.set("payment_intent", intent.id)
  target.searchParams.set("payment_intent_client_secret", intent.client_secret)
  target.searchParams.set("redirect_status", passed ? "succeeded" : "failed")
  return target.toString()
}

/**
 * What Stripe.js does in the shopper's browser when they pay in the Payment Element: confirms
 * the intent with the publishable key and the client secret. Answers Stripe's JSON (an intent,
 * or `{ error }` with a decline).
 */
export async function confirmInBrowser(
  standIn: Pick<StripeStandIn, "url">,
  clientSecret: string,
  paymentMethod: string,
  returnUrl = "http://127.0.0.1:8000/checkout"
): Promise<{ status: number; body: StripeObject }> {
  const intentId = clientSecret.split("_secret_")[0]
  const res = await fetch(`${standIn.url}/v1/payment_intents/${intentId}/confirm`, {
    method: "POST",
    headers: { authorization: `Bearer ${STAND_IN_PUBLISHABLE_KEY}`, "content-type": "application/x-www-form-urlencoded" },
    body: qs.stringify({ client_secret: clientSecret, payment_method: paymentMethod, return_url: returnUrl }),
  })
  return { status: res.status, body: (await res.json()) as StripeObject }
}
