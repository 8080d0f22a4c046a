// Server-only: the customer's Medusa JWT lives in an httpOnly cookie that page
// JavaScript can never read. Route handlers and server actions of both storefronts
// read and write it through these helpers (pass them Next's `cookies()` and `headers()`).

import { storefrontConfig } from "./config"
import { createMedusaClient } from "./medusa"

export const SESSION_COOKIE = "pva_session"
/** A guest's proof that they may see the order they just placed or looked up. */
export const ORDER_ACCESS_COOKIE = "pva_order_access"

const FALLBACK_SESSION_SECONDS = 7 * 24 * 3600
const ORDER_ACCESS_SECONDS = 24 * 3600

/** The part of Next's cookie store these helpers use (`cookies()` from next/headers). */
export type CookieJar = {
  get(name: string): { value: string } | undefined
  set(name: string, value: string, options: CookieOptions): unknown
}

export type CookieOptions = {
  httpOnly: true
  secure: boolean
  sameSite: "lax"
  path: string
  maxAge: number
}

type Env = Record<string, string | undefined>

/**
 * httpOnly, SameSite=Lax, and Secure in production (browsers accept Secure cookies from
 * http://localhost, so a production build still works there; `next dev` may run on a LAN address).
 */
export function cookieOptions(maxAge: number, env: Env = process.env): CookieOptions {
  return { httpOnly: true, secure: env.NODE_ENV === "production", sameSite: "lax", path: "/", maxAge }
}

export function readSessionToken(jar: CookieJar): string | null {
  const value = jar.get(SESSION_COOKIE)?.value
  return value ? value : null
}

/** Keeps the cookie exactly as long as Medusa's token is valid. */
export function writeSession(jar: CookieJar, token: string, env: Env = process.env, now = Date.now()) {
  const expiresAt = jwtExpiry(token)
  const maxAge = expiresAt ? Math.max(0, Math.floor((expiresAt - now) / 1000)) : FALLBACK_SESSION_SECONDS
  jar.set(SESSION_COOKIE, token, cookieOptions(maxAge, env))
}

export function clearSession(jar: CookieJar, env: Env = process.env) {
  jar.set(SESSION_COOKIE, "", cookieOptions(0, env))
}

/** The `exp` of a JWT in ms, or null; the signature is Medusa's to check, not ours. */
export function jwtExpiry(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"))
    return typeof payload.exp === "number" ? payload.exp * 1000 : null
  } catch {
    return null
  }
}

export type OrderAccess = { order_id: string; display_id: number; email: string }

/** Remembers, for a day and in this browser only, which guest order it may show. */
export function writeOrderAccess(jar: CookieJar, access: OrderAccess, env: Env = process.env) {
  jar.set(ORDER_ACCESS_COOKIE, Buffer.from(JSON.stringify(access)).toString("base64url"), cookieOptions(ORDER_ACCESS_SECONDS, env))
}

export function readOrderAccess(jar: CookieJar): OrderAccess | null {
  const raw = jar.get(ORDER_ACCESS_COOKIE)?.value
  if (!raw) return null
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"))
    if (typeof parsed?.order_id !== "string" || typeof parsed?.email !== "string" || !Number.isInteger(parsed?.display_id)) return null
    return { order_id: parsed.order_id, display_id: parsed.display_id, email: parsed.email }
  } catch {
    return null
  }
}

export function clearOrderAccess(jar: CookieJar, env: Env = process.env) {
  jar.set(ORDER_ACCESS_COOKIE, "", cookieOptions(0, env))
}

type HeaderBag = { get(name: string): string | null }

/**
 * The browser's address, as the storefront server saw it. Next keeps an incoming
 * X-Forwarded-For and only fills it with the socket address when it is missing, so
 * the entry appended by the last trusted proxy in front of the storefront is the
 * one to believe: STOREFRONT_PROXY_HOPS proxies (default 1: the rightmost entry).
 * Without any proxy, a client could send its own header: production runs behind one.
 */
export function browserIp(headers: HeaderBag, env: Env = process.env): string | null {
  const hops = Math.max(1, Number.parseInt(env.STOREFRONT_PROXY_HOPS ?? "1", 10) || 1)
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean)
  const ip = chain[chain.length - hops] ?? chain[0]
  return ip && /^[0-9a-fA-F:.]+$/.test(ip) ? ip : null
}

/** A Medusa client acting for the browser behind this request: its session, its address. */
export function sessionClient(jar: CookieJar, headers: HeaderBag, env: Env = process.env) {
  const token = readSessionToken(jar)
  return { token, client: clientAs(token, headers, env) }
}

/** A Medusa client for one customer's token (or none), calling from this browser's address. */
export function clientAs(token: string | null, headers: HeaderBag, env: Env = process.env) {
  return createMedusaClient(storefrontConfig(env), { token, forwardedFor: browserIp(headers, env) })
}
