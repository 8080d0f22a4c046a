import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { authenticateCustomer } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { customerIdOf, onMethod } from "@pva/medusa-kit"
import type SharePurchaseRulesService from "../services/share-purchase-rules"

const ERROR_STATUS: Record<string, number> = {
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.UNAUTHORIZED]: 401,
  [MedusaError.Types.NOT_FOUND]: 404,
}

/**
 * A share line is checked when it is added or its quantity changes: offering open, buyer
 * signed in and approved, wallet eligible on chain, per-investor cap over holdings, pending
 * shares and the whole cart. The checkout checks again where it reserves the shares.
 */
async function checkShareLine(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const manager = req.scope.resolve<any>("manager")
    const cartId = req.params.id
    const lineId = (req.params as any).line_id as string | undefined
    let variantId: string | undefined = (req.body as any)?.variant_id
    let otherLinesQuantity = 0
    if (lineId) {
      const [line] = await manager.query(`SELECT variant_id FROM line_item WHERE id = $1 AND cart_id = $2`, [lineId, cartId])
      variantId = line?.variant_id
    }
    if (typeof variantId !== "string") return next()
    const [offering] = await manager.query(`SELECT * FROM fractional_offering WHERE variant_id = $1`, [variantId])
    if (!offering) return next()
    const quantity = (req.body as any)?.quantity
    if (lineId && quantity === 0) return next() // removing the line
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Shares are bought whole: quantity must be a whole number of at least 1, got ${JSON.stringify(quantity)}`)
    }
    const [cart] = await manager.query(`SELECT customer_id FROM cart WHERE id = $1`, [cartId])
    if (!cart) return next()
    const customerId = customerIdOf(req)
    if (cart.customer_id && customerId && cart.customer_id !== customerId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart belongs to another customer")
    }
    const [others] = await manager.query(
      `SELECT COALESCE(sum(quantity), 0)::int AS n FROM line_item WHERE cart_id = $1 AND variant_id = $2 AND ($3::text IS NULL OR id <> $3)`,
      [cartId, variantId, lineId ?? null]
    )
    otherLinesQuantity = others.n
    const rules: SharePurchaseRulesService = req.scope.resolve("sharePurchaseRulesService")
    const remaining = offering.total_shares - offering.sold - offering.reserved
    await rules.checkBuyer(offering, customerId ?? null, { quantity: quantity + otherLinesQuantity })
    if (quantity + otherLinesQuantity > remaining) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Only ${remaining} shares of ${offering.title} are left`)
    }
    next()
  } catch (error: any) {
    const status = ERROR_STATUS[error?.type]
    if (!status) return next(error)
    res.status(status).json({ type: error.type, message: error.message })
  }
}

// onMethod, not a `method` matcher: browsers' preflights on these paths stay Medusa's.
const onPost = (step: Parameters<typeof onMethod>[1]) => onMethod("POST", step)

const checkShareLineOnPost = [onPost(authenticateCustomer() as any), onPost(checkShareLine)]

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/store/carts/:id/line-items/:line_id", middlewares: checkShareLineOnPost },
    { matcher: "/store/carts/:id/line-items", middlewares: checkShareLineOnPost },
    { matcher: "/store/customers/me/kyc", middlewares: [authenticateCustomer()] },
    { matcher: "/store/customers/me/portfolio", middlewares: [authenticateCustomer()] },
    { matcher: "/store/offerings*", middlewares: [authenticateCustomer()] },
  ],
}
