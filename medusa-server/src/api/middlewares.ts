import { authenticateCustomer, type MiddlewaresConfig } from "@medusajs/medusa"
import type { Request } from "express"
import { adminCors, CART_LINE_ROUTES_MATCHER, cartLineRules, clientIp, lineQuantityLimit, rateLimit, RateLimiters, storeCors } from "@pva/medusa-kit"
import { readServerEnv } from "../config/env"
import { linkGuestOrdersOnHistory } from "../lib/guest-orders"
import { requireLineQuantity } from "../lib/line-item-quantity"
import { emailKey } from "../lib/email-address"
import { clientIpInRequestContext } from "../lib/client-ip"
import { clampListLimit, STORE_LIST_ROUTES } from "../lib/list-limit"
import { endOtherSessionsAfterPasswordChange, requireCurrentPassword } from "../lib/credential-changes"
import { limitUploadSize } from "../lib/upload-size"

const env = readServerEnv()
const limits = env.rateLimits
const limiters = new RateLimiters({
  redisUrl: env.redisUrl,
  windowSeconds: limits.windowSeconds,
  memoryKeys: limits.memoryKeys,
})

const byClient = (req: Request) => clientIp(req)
const byBodyEmail = (req: Request) => emailKey(req.body?.email)
const byCustomer = (req: Request) => (req as any).user?.customer_id as string | undefined

// Per client first, so one client spraying many emails is stopped before it fills the per-account counters;
// per account whatever the IP, so a password guesser gains nothing from more addresses.
const loginLimit = rateLimit([
  { name: "login", limiter: limiters.limiter("login-client", limits.loginPerClient), keyOf: byClient },
  { name: "login", limiter: limiters.limiter("login", limits.loginPerAccount), keyOf: byBodyEmail },
])

const checkoutLimit = rateLimit([
  { name: "checkout", limiter: limiters.limiter("checkout", limits.checkoutPerCart), keyOf: (req) => `cart:${req.params.id}` },
  { name: "checkout", limiter: limiters.limiter("checkout", limits.checkoutPerIp), keyOf: (req) => `ip:${clientIp(req)}` },
])

function accountLimit(name: string, keyOfAccount: (req: Request) => string | undefined) {
  const id = name.replace(/ /g, "-")
  return rateLimit([
    { name, limiter: limiters.limiter(`${id}-client`, limits.accountPerClient), keyOf: byClient },
    { name, limiter: limiters.limiter(id, limits.accountEmailsPerAddress), keyOf: keyOfAccount },
  ])
}

const confirmLimit = rateLimit([
  { name: "email verification", limiter: limiters.limiter("email-verification-client", limits.accountPerClient), keyOf: byClient },
])

const orderLookupLimit = rateLimit([
  { name: "order lookup", limiter: limiters.limiter("order-lookup-client", limits.orderLookupPerClient), keyOf: byClient },
  {
    name: "order lookup",
    limiter: limiters.limiter("order-lookup", limits.orderLookupPerEmail),
    keyOf: (req) => emailKey(req.method === "GET" ? req.query.email : req.body?.email),
  },
])

/**
 * The catalog is a plugin route, and Medusa mounts each plugin's router ahead of these
 * routes, so a matcher here would never see it: server.ts puts this in front of Medusa.
 */
export const catalogLimit = rateLimit([
  { name: "catalog request", limiter: limiters.limiter("catalog-client", limits.catalogPerClient), keyOf: byClient },
])

// Medusa's list routes answer anonymous requests with up to `limit` rows and their relations each.
const storeListLimits = [
  rateLimit([
    {
      name: "list",
      counted: "requests",
      limiter: limiters.limiter("store-lists-client", limits.storeListsPerClient),
      keyOf: byClient,
    },
  ]),
  clampListLimit(),
]

// A stolen session guessing the current password is a password guesser like any other.
const currentPasswordLimit = [
  { name: "password check", limiter: limiters.limiter("login", limits.loginPerAccount), keyOf: byCustomer },
]

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/store", middlewares: [storeCors, clientIpInRequestContext] },
    { matcher: "/admin", middlewares: [adminCors] },
    { matcher: "/admin/uploads", method: "POST", middlewares: [limitUploadSize(env.files.maxBytes)] },
    { matcher: "/admin/uploads/protected", method: "POST", middlewares: [limitUploadSize(env.files.maxBytes)] },
    { matcher: "/store/auth", method: "POST", middlewares: [loginLimit] },
    { matcher: "/store/auth/token", method: "POST", middlewares: [loginLimit] },
    { matcher: "/admin/auth", method: "POST", middlewares: [loginLimit] },
    { matcher: "/admin/auth/token", method: "POST", middlewares: [loginLimit] },
    { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [checkoutLimit] },
    { matcher: "/store/carts/:id/line-items", method: "POST", middlewares: [requireLineQuantity(1)] },
    { matcher: "/store/carts/:id/line-items/:line_id", method: "POST", middlewares: [requireLineQuantity(0)] },
    // creating a cart with items, adding and raising lines: a cart holds at most a product's limit of it
    { matcher: CART_LINE_ROUTES_MATCHER, middlewares: [cartLineRules(lineQuantityLimit)] },
    { matcher: "/store/customers", method: "POST", middlewares: [accountLimit("registration", byBodyEmail)] },
    { matcher: "/store/customers/password-token", method: "POST", middlewares: [accountLimit("password reset", byBodyEmail)] },
    { matcher: "/store/customers/password-reset", method: "POST", middlewares: [accountLimit("password change", byBodyEmail)] },
    {
      matcher: "/store/customers/me/email-verification",
      method: "POST",
      middlewares: [authenticateCustomer(), accountLimit("verification email", byCustomer)],
    },
    { matcher: "/store/email-verification/confirm", method: "POST", middlewares: [confirmLimit] },
    { matcher: "/store/orders", method: "GET", middlewares: [orderLookupLimit] },
    { matcher: "/store/orders/lookup", method: "POST", middlewares: [orderLookupLimit] },
    ...STORE_LIST_ROUTES.map(({ path, method }) => ({ matcher: path, method, middlewares: storeListLimits })),
    { matcher: "/store/customers/me/orders", method: "GET", middlewares: [authenticateCustomer(), linkGuestOrdersOnHistory()] },
    {
      matcher: "/store/customers/me",
      method: "POST",
      middlewares: [authenticateCustomer(), requireCurrentPassword(currentPasswordLimit), endOtherSessionsAfterPasswordChange],
    },
  ],
}
