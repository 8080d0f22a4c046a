import { formatAmount } from "../price"

/** A price in the shopper's currency; says so plainly when a piece has no price there. */
export function Price({ amount, currencyCode, className }: { amount: number | null; currencyCode: string; className?: string }) {
  if (amount === null) return <span className={className}>Not available in {currencyCode.toUpperCase()}</span>
  return (
    <span className={className} data-testid="price">
      {formatAmount(amount, currencyCode)}
    </span>
  )
}
