type TaxLine = { name: string; rate: number; code?: string | null }
type TaxedOrder = {
  tax_total?: number | null
  shipping_total?: number | null
  items?: Array<{ includes_tax?: boolean; tax_lines?: TaxLine[] }>
  shipping_methods?: Array<{ tax_lines?: TaxLine[] }>
}

/** What a receipt states about tax: its names and rates, the amount, and whether prices already held it. */
export type TaxSummary = { label: string; amount: number; included: boolean }

export function taxSummary(order: TaxedOrder): TaxSummary {
  const lines = [...(order.items ?? []).flatMap((i) => i.tax_lines ?? []), ...(order.shipping_methods ?? []).flatMap((m) => m.tax_lines ?? [])]
  const named = [...new Map(lines.filter((l) => l.rate > 0).map((l) => [l.name, `${l.name} ${l.rate}%`])).values()]
  return {
    label: named.length ? named.join(", ") : "Tax",
    amount: order.tax_total ?? 0,
    included: (order.items ?? []).some((i) => i.includes_tax),
  }
}
