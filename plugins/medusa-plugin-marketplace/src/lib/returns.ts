// A collector's returns on the market, in wei: cost basis (average cost of what they still
// hold), realized return (what sales brought in over what the sold units cost) and unrealized
// return (holdings at the token's last market price over their cost). Pure.
import type { SaleRow } from "../db/market-sale"

export type TokenReturns = {
  contract: string
  token_id: string
  held: string
  cost_basis: string
  realized_return: string
  last_unit_price: string | null
  market_value: string | null
  unrealized_return: string | null
}

export type WalletReturns = {
  tokens: TokenReturns[]
  cost_basis: string
  realized_return: string
  unrealized_return: string
  /** realized + unrealized, in wei. */
  totalReturn: string
  /** totalReturn over everything ever paid on the market, in percent (two decimals); null when nothing was bought. */
  returnPercentage: number | null
}

type Position = { units: bigint; cost: bigint; realized: bigint; paid: bigint }

export function walletReturns(
  wallets: string[],
  sales: SaleRow[],
  holdings: Array<{ contract: string; tokenId: string; quantity: bigint }>,
  lastPrices: Map<string, string>,
): WalletReturns {
  const mine = new Set(wallets)
  const positions = new Map<string, Position>()
  const position = (key: string) => positions.get(key) ?? positions.set(key, { units: 0n, cost: 0n, realized: 0n, paid: 0n }).get(key)!
  for (const sale of sales) {
    const key = `${sale.token_address}:${sale.token_id}`
    const quantity = BigInt(sale.quantity)
    const price = BigInt(sale.price)
    const bought = mine.has(sale.buyer)
    const sold = mine.has(sale.seller)
    // A sale between two of the collector's own wallets changes nothing.
    if (bought && sold) continue
    const p = position(key)
    if (bought) {
      p.units += quantity
      p.cost += price
      p.paid += price
    } else if (sold) {
      const proceeds = price - BigInt(sale.royalty_amount) - BigInt(sale.fee_amount)
      // Units that came from outside the market (a claim, a primary share sale) cost the market nothing.
      const fromMarket = quantity > p.units ? p.units : quantity
      const soldCost = p.units > 0n ? (p.cost * fromMarket) / p.units : 0n
      p.realized += proceeds - soldCost
      p.units -= fromMarket
      p.cost -= soldCost
    }
  }
  const tokens: TokenReturns[] = []
  const keys = new Set([...positions.keys(), ...holdings.map((h) => `${h.contract.toLowerCase()}:${h.tokenId}`)])
  let [costBasis, realized, unrealized, paid] = [0n, 0n, 0n, 0n]
  for (const key of keys) {
    const [contract, tokenId] = key.split(":")
    const p = positions.get(key) ?? { units: 0n, cost: 0n, realized: 0n, paid: 0n }
    const held = holdings.find((h) => `${h.contract.toLowerCase()}:${h.tokenId}` === key)?.quantity ?? p.units
    const last = lastPrices.get(key) ?? null
    const value = last === null ? null : BigInt(last) * held
    const open = value === null ? null : value - p.cost
    tokens.push({
      contract,
      token_id: tokenId,
      held: String(held),
      cost_basis: String(p.cost),
      realized_return: String(p.realized),
      last_unit_price: last,
      market_value: value === null ? null : String(value),
      unrealized_return: open === null ? null : String(open),
    })
    costBasis += p.cost
    realized += p.realized
    unrealized += open ?? 0n
    paid += p.paid
  }
  const total = realized + unrealized
  return {
    tokens,
    cost_basis: String(costBasis),
    realized_return: String(realized),
    unrealized_return: String(unrealized),
    totalReturn: String(total),
    returnPercentage: paid > 0n ? Number((total * 10_000n) / paid) / 100 : null,
  }
}
