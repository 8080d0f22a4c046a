import { formatEth } from "@/lib/market/amounts"
import type { MarketReturns } from "@/lib/types"

/** What the collector's trading on the market returned: cost of what they hold, realized and unrealized, in total. */
export function MarketReturnsTable({ returns }: { returns: MarketReturns }) {
  return (
    <section className="section" aria-labelledby="market-returns">
      <h2 id="market-returns">On the market</h2>
      <dl className="traits" data-testid="market-returns">
        <dt>Cost basis</dt><dd>{formatEth(returns.cost_basis)}</dd>
        <dt>Realized return</dt><dd>{formatEth(returns.realized_return)}</dd>
        <dt>Unrealized return</dt><dd>{formatEth(returns.unrealized_return)}</dd>
        <dt>Total return</dt>
        <dd data-testid="total-return">
          {formatEth(returns.totalReturn)}
          {returns.returnPercentage === null ? null : ` (${returns.returnPercentage > 0 ? "+" : ""}${returns.returnPercentage.toFixed(2)}%)`}
        </dd>
      </dl>
    </section>
  )
}
