import type { MiddlewaresConfig } from "@medusajs/medusa"
import { authenticateCustomer } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { CART_LINE_ROUTES_MATCHER, cartLineRules, onCartLineRoute, quantitiesByVariant, type CartLineRule } from "@pva/medusa-kit"
import { offeringsOfVariants } from "../db/offering"
import { insufficientShares } from "../lib/insufficient-shares"
import type SharePurchaseRulesService from "../services/share-purchase-rules"

/**
 * Share lines, on every route that adds or changes cart lines (a cart created with items
 * included), judged once per offering over the whole cart: offering open, buyer signed in
 * and approved, wallet eligible on chain, per-investor cap over what the customer bought or
 * holds, pending shares and every line of the cart, shares left. The checkout checks again
 * where it reserves the shares.
 */
const shareLines: CartLineRule = async ({ cartId, customerId, requesterId, lines, changed, manager }, scope) => {
  const offerings = await offeringsOfVariants(manager, changed)
  if (!offerings.length) return
  if (customerId && requesterId && customerId !== requesterId) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart belongs to another customer")
  }
  const rules = scope.resolve<SharePurchaseRulesService>("sharePurchaseRulesService")
  const inCart = quantitiesByVariant(lines)
  for (const offering of offerings) {
    const quantity = (offering.variant_id && inCart.get(offering.variant_id)) || 0
    await rules.checkBuyer(offering, requesterId, { quantity, cartId })
    const remaining = offering.total_shares - offering.sold - offering.reserved
    if (quantity > remaining) {
      throw insufficientShares(`Only ${remaining} shares of ${offering.title} are left`)
    }
  }
}

export const config: MiddlewaresConfig = {
  routes: [
    // A method-free matcher is a prefix: these steps act only on the routes that change lines,
    // and leave browsers' preflights to Medusa's CORS.
    { matcher: CART_LINE_ROUTES_MATCHER, middlewares: [onCartLineRoute(authenticateCustomer() as any), cartLineRules(shareLines)] },
    { matcher: "/store/customers/me/kyc", middlewares: [authenticateCustomer()] },
    { matcher: "/store/customers/me/portfolio", middlewares: [authenticateCustomer()] },
    { matcher: "/store/offerings*", middlewares: [authenticateCustomer()] },
  ],
}
