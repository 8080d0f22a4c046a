import { formatAmount } from "../price"

/** `code` names a rule set in Admin or by the tax provider; the region's own fallback rate ("default") has none. */
type TaxLine = { name: string; rate: number; code?: string | null }

/** The totals Medusa puts on a cart (or an order), with the tax lines of its items and shipping. */
export type TotalsCart = {
  subtotal?: number
  shipping_total?: number
  tax_total?: number
  item_tax_total?: number
  shipping_tax_total?: number
  total?: number
  items?: Array<{ includes_tax?: boolean; tax_lines?: TaxLine[] }>
  shipping_methods?: Array<{ tax_lines?: TaxLine[] }>
}

/**
 * The taxes' names and rates ("VAT (DE) 19%"), once the address says which apply; with no
 * tax due, the exemption the pieces carry (shares are securities) by its name.
 */
function taxLabel(cart: TotalsCart): { label: string; exempt: boolean } {
  const itemLines = (cart.items ?? []).flatMap((i) => i.tax_lines ?? [])
  const lines = [...itemLines, ...(cart.shipping_methods ?? []).flatMap((m) => m.tax_lines ?? [])]
  const named = [...new Set(lines.filter((l) => l.rate > 0).map((l) => `${l.name} ${l.rate}%`))]
  if (named.length) return { label: named.join(", "), exempt: false }
  const exemptions = [...new Set(itemLines.filter((l) => l.code).map((l) => l.name))]
  return exemptions.length ? { label: exemptions.join(", "), exempt: true } : { label: "Taxes", exempt: false }
}

/**
 * EU prices include VAT: the shopper sees the prices they were shown and the VAT they hold.
 * US sales tax is added: it shows as its own line once the address names the state.
 */
export function CartTotals({ cart, currencyCode }: { cart: TotalsCart; currencyCode: string }) {
  const row = (id: string, label: string, amount?: number) =>
    amount === undefined ? null : <tr><th scope="row">{label}</th><td data-testid={`total-${id}`}>{formatAmount(amount, currencyCode)}</td></tr>
  const included = (cart.items ?? []).some((i) => i.includes_tax)
  const withTax = (amount?: number, tax?: number) => (amount === undefined ? undefined : amount + (tax ?? 0))
  const taxes = taxLabel(cart)
  return (
    <table style={{ maxWidth: 360, marginLeft: "auto" }}>
      <tbody>
        {row("subtotal", "Subtotal", included ? withTax(cart.subtotal, cart.item_tax_total) : cart.subtotal)}
        {row("shipping", "Shipping", included ? withTax(cart.shipping_total, cart.shipping_tax_total) : cart.shipping_total)}
        {!included && row("taxes", taxes.label, cart.tax_total)}
        {row("total", "Total", cart.total)}
        {included && row("taxes", taxes.exempt ? taxes.label : `Including ${taxes.label}`, cart.tax_total)}
      </tbody>
    </table>
  )
}
