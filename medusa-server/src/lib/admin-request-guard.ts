import type { NextFunction, Request, Response } from "express"
import { parseCorsOrigins } from "medusa-core-utils"

/** Medusa's session cookie (express-session's default name; medusa-config sets no other). */
export const SESSION_COOKIE = "connect.sid"

export type AdminCookieSameSite = "strict" | "lax" | "none"

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])
/** Medusa's file uploads: the one admin body that is not JSON. */
const MULTIPART_PATHS = new Set(["/admin/uploads", "/admin/uploads/protected"])

/**
 * The admin API's defence against cross-site requests. A browser sends Medusa's session cookie
 * with any request to this server, even one a hostile page makes with an auto-submitted form
 * (Medusa sets the cookie SameSite=None in production), and plugin routes parse url-encoded
 * and text bodies as readily as JSON. So a state-changing admin request that rides on the
 * cookie must come from an admin origin (ADMIN_CORS, or this server itself, which serves Medusa
 * Admin at /app), and every admin body must be JSON (multipart only for uploads). A request
 * carrying a bearer JWT or an API token is exempt: a page can only add those headers through
 * CORS, which admits the admin origins alone.
 */
export function adminRequestGuard(opts: { adminCors: string; backendUrl: string }) {
  const allowed = parseCorsOrigins(opts.adminCors) as Array<string | RegExp>
  const backendOrigin = originOf(opts.backendUrl)
  const isAdminOrigin = (origin: string, host: string | undefined) =>
    origin === backendOrigin ||
    (!!host && sameHost(origin, host)) ||
    allowed.some((entry) => (typeof entry === "string" ? entry.replace(/\/$/, "") === origin : entry.test(origin)))

  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const path = req.originalUrl.split("?")[0].replace(/\/$/, "")

    if (hasSessionCookie(req) && !hasTokenCredentials(req)) {
      const origin = requestOrigin(req)
      if (!origin || !isAdminOrigin(origin, req.headers.host)) {
        return res.status(403).json({
          type: "not_allowed",
          message: origin
            ? `Admin requests signed in by cookie must come from an admin origin; ${origin} is not one (ADMIN_CORS lists them)`
            : "Admin requests signed in by cookie must say where they come from (Origin); scripts should send a bearer token or API token instead",
        })
      }
    }

    // A bodiless POST or DELETE is fine (browsers send `Content-Length: 0` and no type).
    const kind = hasBody(req) ? req.is(["application/json", "multipart/form-data"]) : null
    if (kind === false || (kind === "multipart/form-data" && !MULTIPART_PATHS.has(path))) {
      const got = req.headers["content-type"] || "no Content-Type"
      return res.status(415).json({
        type: "invalid_data",
        message: `Admin API bodies must be JSON (Content-Type: application/json)${
          MULTIPART_PATHS.has(path) ? " or multipart/form-data" : ""
        }; got ${got}`,
      })
    }
    next()
  }
}

/**
 * Makes the admin's session cookie SameSite=`sameSite` on every /admin response that sets it, in
 * place of Medusa's SameSite=None (production) or none at all (development). express-session
 * writes the cookie just before the headers go out, so the rewrite wraps `setHeader`.
 */
export function adminCookieSameSite(sameSite: AdminCookieSameSite) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const setHeader = res.setHeader.bind(res)
    res.setHeader = ((name: string, value: any) => {
      if (name.toLowerCase() === "set-cookie") value = withSameSite(value, sameSite)
      return setHeader(name, value)
    }) as Response["setHeader"]
    next()
  }
}

/** `Set-Cookie` value(s) with the session cookie's SameSite attribute replaced by `sameSite`. */
export function withSameSite<T extends string | string[] | number>(value: T, sameSite: AdminCookieSameSite): T {
  const attribute = `SameSite=${sameSite[0].toUpperCase()}${sameSite.slice(1)}`
  const rewrite = (cookie: string) =>
    cookie.startsWith(`${SESSION_COOKIE}=`)
      ? `${cookie.replace(/;\s*SameSite=[^;]*/gi, "")}; ${attribute}`
      : cookie
  if (Array.isArray(value)) return value.map(rewrite) as T
  return (typeof value === "string" ? rewrite(value) : value) as T
}

function hasBody(req: Request): boolean {
  const length = req.headers["content-length"]
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0")
}

function hasSessionCookie(req: Request): boolean {
  return (req.headers.cookie || "").split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`))
}

function hasTokenCredentials(req: Request): boolean {
  return /^Bearer\s+\S/i.test(req.headers.authorization || "") || typeof req.headers["x-medusa-access-token"] === "string"
}

/** The page's origin: Origin, or where Referer points when a browser sent no Origin. */
function requestOrigin(req: Request): string | null {
  const origin = req.headers.origin
  if (origin) return origin === "null" ? null : origin
  const referer = req.headers.referer
  return referer ? originOf(referer) : null
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null
  } catch {
    return null
  }
}

/** Medusa Admin served by this server at /app calls the API on the host it was reached by. */
function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
