import { formatAmount } from "../price"

/**
 * A price in the shopper's currency; says so plainly when a piece has no price there.
 * During a sale (`originalAmount` above `amount`) the earlier price shows struck through,
 * and screen readers hear "was … now …".
 */
export function Price({ amount, currencyCode, originalAmount, className }: {
  amount: number | null
  currencyCode: string
  originalAmount?: number | null
  className?: string
}) {
  if (amount === null) return <span className={className}>Not available in {currencyCode.toUpperCase()}</span>
  const onSale = originalAmount != null && originalAmount > amount
  return (
    <span className={className}>
      {onSale && (
        <>
          <s className="muted" data-testid="original-price">
            <span className="visually-hidden">was </span>
            {formatAmount(originalAmount, currencyCode)}
          </s>{" "}
          <span className="visually-hidden">now </span>
        </>
      )}
      <span data-testid="price">{formatAmount(amount, currencyCode)}</span>
    </span>
  )
}
