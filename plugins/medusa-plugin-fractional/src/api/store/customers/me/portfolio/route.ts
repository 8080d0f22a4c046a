import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import type CapTableService from "../../../../../services/cap-table"

/**
 * The marketplace plugin's read function for returns (MarketReadService.returnsOfCustomer in
 * @pva/medusa-plugin-marketplace), named here by shape: that plugin builds after this one.
 */
type MarketReturns = {
  returnsOfCustomer(customerId: string, holdings: Array<{ asset: "twin" | "shares"; tokenId: string; quantity: bigint }>): Promise<unknown>
}

/**
 * Per offering: confirmed (on chain, synced) and pending shares, value = confirmed × price; and the total.
 * `market`: what the customer's wallets paid and got on the secondary market, in wei (cost basis,
 * realized and unrealized return, totalReturn, returnPercentage), when the market is installed.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your portfolio")
  const capTable: CapTableService = req.scope.resolve("capTableService")
  const portfolio = await capTable.portfolio(customerId)
  let market: unknown = null
  try {
    const reader = req.scope.resolve<MarketReturns>("marketReadService")
    const holdings = portfolio.positions
      .filter((p) => p.chain_offering_id)
      .map((p) => ({ asset: "shares" as const, tokenId: String(p.chain_offering_id), quantity: BigInt(p.confirmed_shares) }))
    market = await reader.returnsOfCustomer(customerId, holdings)
  } catch {
    // No market plugin, or no market deployed on this chain: the portfolio stands without it.
    market = null
  }
  res.json({ portfolio: { ...portfolio, market } })
}
