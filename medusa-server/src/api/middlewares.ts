import { authenticateCustomer, type MiddlewaresConfig } from "@medusajs/medusa"
import cors from "cors"
import Redis from "ioredis"
import { parseCorsOrigins } from "medusa-core-utils"
import { readServerEnv } from "../config/env"
import { linkGuestOrdersOnHistory } from "../lib/guest-orders"
import { requireLineQuantity } from "../lib/line-item-quantity"
import { exposePartnerOnProducts } from "../lib/partner-on-products"
import { clientIp, HitCounter, MemoryHitCounter, rateLimit, RedisHitCounter } from "../lib/rate-limit"

const env = readServerEnv()
const counter: HitCounter = env.redisUrl
  ? new RedisHitCounter(new Redis(env.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }))
  : new MemoryHitCounter()
const { windowSeconds } = env.rateLimits

const loginLimit = rateLimit(counter, [
  {
    name: "login",
    limit: env.rateLimits.loginPerIdentity,
    windowSeconds,
    keyOf: (req) => {
      const email = typeof req.body?.email === "string" ? req.body.email.trim().toLowerCase() : ""
      return `${clientIp(req)}|${email}`
    },
  },
])

const checkoutLimit = rateLimit(counter, [
  { name: "checkout", limit: env.rateLimits.checkoutPerCart, windowSeconds, keyOf: (req) => `cart:${req.params.id}` },
  { name: "checkout", limit: env.rateLimits.checkoutPerIp, windowSeconds, keyOf: (req) => `ip:${clientIp(req)}` },
])

// Express answers a preflight itself, without CORS headers, when a router holds a
// route for the path under another method; the routes below are such routes, and
// Medusa's own CORS comes later. So browsers' preflights are answered here first.
const storeCors = cors({ origin: parseCorsOrigins(env.storeCors), credentials: true })
const adminCors = cors({ origin: parseCorsOrigins(env.adminCors), credentials: true })

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/store", middlewares: [storeCors] },
    { matcher: "/admin", middlewares: [adminCors] },
    { matcher: "/store/auth", method: "POST", middlewares: [loginLimit] },
    { matcher: "/store/auth/token", method: "POST", middlewares: [loginLimit] },
    { matcher: "/admin/auth", method: "POST", middlewares: [loginLimit] },
    { matcher: "/admin/auth/token", method: "POST", middlewares: [loginLimit] },
    { matcher: "/store/carts/:id/complete", method: "POST", middlewares: [checkoutLimit] },
    { matcher: "/store/carts/:id/line-items", method: "POST", middlewares: [requireLineQuantity(1)] },
    { matcher: "/store/carts/:id/line-items/:line_id", method: "POST", middlewares: [requireLineQuantity(0)] },
    { matcher: "/store/customers/me/orders", method: "GET", middlewares: [authenticateCustomer(), linkGuestOrdersOnHistory()] },
    { matcher: "/store/products", method: "GET", middlewares: [exposePartnerOnProducts("store")] },
    { matcher: "/store/products/:id", method: "GET", middlewares: [exposePartnerOnProducts("store")] },
    { matcher: "/admin/products", method: "GET", middlewares: [exposePartnerOnProducts("admin")] },
    { matcher: "/admin/products/:id", method: "GET", middlewares: [exposePartnerOnProducts("admin")] },
  ],
}
