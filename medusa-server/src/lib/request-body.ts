import express, { NextFunction, Request, Response } from "express"

/**
 * Parses JSON bodies for the store and admin APIs before Medusa does, so that a
 * malformed or oversized body is answered as the client's mistake (400/413)
 * rather than falling through to Medusa's error handler as a 500.
 */
export function jsonBodyParser(limit: string) {
  const parse = express.json({ limit })
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (err?: any) => {
      if (!err) return next()
      const status = err.type === "entity.too.large" ? 413 : err.status >= 400 && err.status < 500 ? err.status : 400
      const message =
        err.type === "entity.too.large"
          ? `Request body is larger than the ${limit} limit`
          : err.type === "entity.parse.failed"
          ? "Request body is not valid JSON"
          : err.message || "Request body could not be read"
      res.status(status).json({ type: "invalid_data", code: "invalid_request_error", message })
    })
  }
}
