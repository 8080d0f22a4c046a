// An answer Medusa's error handler would rewrite (it replaces every 409's message): sent as is.
import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message)
  }
}

type Handler = (req: MedusaRequest, res: MedusaResponse) => Promise<void>

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
