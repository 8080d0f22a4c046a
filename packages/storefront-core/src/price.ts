/** Formats a Medusa amount (minor units) in its currency, e.g. 62500 usd → "$625.00". */
export function formatAmount(amount: number, currencyCode: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount / 100)
}

type PricedVariant = {
  calculated_price?: number | null
  original_price?: number | null
  prices?: Array<{ currency_code: string; amount: number; region_id?: string | null }>
}

/** A variant's price in the shopper's region: Medusa's calculated price, else the currency's list price. */
export function variantAmount(variant: PricedVariant, currencyCode: string): number | null {
  if (typeof variant.calculated_price === "number") return variant.calculated_price
  const price = variant.prices?.find((p) => p.currency_code === currencyCode.toLowerCase() && !p.region_id)
  return price ? price.amount : null
}

/** The lowest price among a product's variants, for "from $x" labels and price filters. */
export function cheapestAmount(variants: PricedVariant[], currencyCode: string): number | null {
  const amounts = variants.map((v) => variantAmount(v, currencyCode)).filter((a): a is number => a !== null)
  return amounts.length ? Math.min(...amounts) : null
}

export function inStock(variant: { inventory_quantity?: number; manage_inventory?: boolean; allow_backorder?: boolean }): boolean {
  return variant.manage_inventory === false || variant.allow_backorder === true || (variant.inventory_quantity ?? 0) > 0
}
