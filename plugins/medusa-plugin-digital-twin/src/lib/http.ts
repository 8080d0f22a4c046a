import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"

export function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** A JSON object body, or a 400 saying so. */
export function bodyOf(req: MedusaRequest): Record<string, unknown> {
  const body = req.body as unknown
  if (!body || typeof body !== "object" || Array.isArray(body)) invalid("Send a JSON object body")
  return body as Record<string, unknown>
}

export function pageOf(query: Record<string, unknown>, maxLimit = 100): { limit: number; offset: number } {
  const limit = query.limit === undefined ? 20 : Number(query.limit)
  const offset = query.offset === undefined ? 0 : Number(query.offset)
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) invalid(`limit must be an integer from 1 to ${maxLimit}`)
  if (!Number.isInteger(offset) || offset < 0) invalid("offset must be a non-negative integer")
  return { limit, offset }
}

export function tokenIdOf(raw: unknown): string {
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,17}$/.test(raw)) invalid("token_id must be a positive integer")
  return raw
}

/** An answer Medusa's error handler would rewrite (it replaces every 409's message): sent as is. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

export const conflict = (message: string) => new HttpError(409, "conflict", message)

type Handler = (req: MedusaRequest, res: import("@medusajs/medusa").MedusaResponse) => Promise<void>

export function withHttpErrors(handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (err) {
      if (!(err instanceof HttpError)) throw err
      res.status(err.status).json({ type: err.type, message: err.message })
    }
  }
}
