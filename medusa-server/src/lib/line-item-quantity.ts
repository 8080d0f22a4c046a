import type { NextFunction, Request, Response } from "express"

/** No single line of a shop order is larger than this; anything above is a typo or an attack. */
export const MAX_LINE_QUANTITY = 100_000

/**
 * Medusa validates only that a line item's quantity is an integer, and a negative
 * one reaches a database constraint as a 500. Checked here with a message the
 * shopper can act on. `minimum` is 1 to add a line, 0 to update one (0 removes it).
 */
export function requireLineQuantity(minimum: 0 | 1) {
  return (req: Request, res: Response, next: NextFunction) => {
    const quantity = req.body?.quantity
    if (quantity === undefined) return next()
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < minimum || quantity > MAX_LINE_QUANTITY) {
      res.status(400).json({
        type: "invalid_data",
        code: "invalid_request_error",
        message: `quantity must be a whole number from ${minimum} to ${MAX_LINE_QUANTITY}, got ${JSON.stringify(quantity)}`,
      })
      return
    }
    next()
  }
}
