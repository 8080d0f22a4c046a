import type { NextFunction, Request, Response } from "express"
import { MedusaError } from "medusa-core-utils"

/**
 * The most rows one request to a store list route may ask for. Medusa 1.x takes any `limit`
 * (`?limit=100000` builds the whole catalog with every relation for one anonymous request;
 * `limit=0` means no limit at all to TypeORM). Medusa's own Next.js starter asks for at most
 * 100 (collections and categories), which stays as it is.
 */
export const STORE_LIST_MAX_LIMIT = 100

/** Medusa's core store routes that take a `limit` (in the query, or in the body for search). */
export const STORE_LIST_ROUTES: Array<{ path: string; method: "GET" | "POST" }> = [
  { path: "/store/products", method: "GET" },
  { path: "/store/products/search", method: "POST" },
  { path: "/store/variants", method: "GET" },
  { path: "/store/collections", method: "GET" },
  { path: "/store/product-categories", method: "GET" },
  { path: "/store/product-tags", method: "GET" },
  { path: "/store/product-types", method: "GET" },
  { path: "/store/regions", method: "GET" },
  { path: "/store/customers/me/orders", method: "GET" },
]

const WHOLE_NUMBER = /^\d{1,15}$/

function wholeNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value
  if (typeof value === "string" && WHOLE_NUMBER.test(value.trim())) return Number(value.trim())
  return undefined
}

/**
 * A `limit` above the maximum is lowered to it (what stock clients expect: a shorter page and
 * the true `count`); one that is not a whole number from 1 up, or an `offset` that is not a
 * whole number, is a 400 saying so.
 */
export function clampListLimit(max = STORE_LIST_MAX_LIMIT) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const params: Record<string, unknown> | undefined = req.method === "GET" ? (req.query as any) : req.body
    if (!params || typeof params !== "object") return next()
    const fromQuery = req.method === "GET"
    if (params.limit !== undefined) {
      const limit = wholeNumber(params.limit)
      if (limit === undefined || limit < 1) {
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, `limit must be a whole number from 1 to ${max}, got ${describe(params.limit)}`))
      }
      if (limit > max) {
        if (fromQuery) lowerQueryLimit(req, max)
        else params.limit = max
      }
    }
    if (params.offset !== undefined && wholeNumber(params.offset) === undefined) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `offset must be a whole number, got ${describe(params.offset)}`))
    }
    next()
  }
}

/**
 * Medusa's API loader parses the query string again from the URL before its core routes
 * (working around an Express issue), so the URL itself carries the lowered limit.
 */
function lowerQueryLimit(req: Request, max: number) {
  const at = req.url.indexOf("?")
  const pairs = req.url.slice(at + 1).split("&")
  const lowered = pairs.map((pair) => (keyOf(pair) === "limit" ? `limit=${max}` : pair))
  req.url = `${req.url.slice(0, at)}?${lowered.join("&")}`
  ;(req.query as any).limit = String(max)
}

function keyOf(pair: string): string | undefined {
  try {
    return decodeURIComponent(pair.split("=")[0].replace(/\+/g, " "))
  } catch {
    return undefined // not a key qs read as "limit" either
  }
}

const describe = (value: unknown) => (typeof value === "string" ? `"${value.slice(0, 20)}"` : Array.isArray(value) ? "several values" : typeof value)
