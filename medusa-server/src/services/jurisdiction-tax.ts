import { AbstractTaxService } from "@medusajs/medusa"
import type { ItemTaxCalculationLine, ShippingTaxCalculationLine, TaxCalculationContext } from "@medusajs/medusa"
import type { ProviderTaxLine } from "@medusajs/medusa/dist/types/tax-service"
import { jurisdictionOf } from "../lib/taxes/jurisdictions"

type Rate = { rate?: number | null; name: string; code: string | null }

/** Medusa's own rate when neither the product nor its type has one set in Admin. */
const isRegionDefault = (rates: Rate[]) => rates.length === 1 && rates[0].name === "default"

/**
 * Tax by destination (lib/taxes/jurisdictions): the EU country's VAT, the US state's sales
 * tax. A rate set in Admin for a product or product type (shares are exempt) wins; without a
 * destination the region's own rate applies until the shopper gives an address.
 */
class JurisdictionTaxService extends AbstractTaxService {
  static identifier = "jurisdiction"

  async getTaxLines(
    itemLines: ItemTaxCalculationLine[],
    shippingLines: ShippingTaxCalculationLine[],
    context: TaxCalculationContext
  ): Promise<ProviderTaxLine[]> {
    const address = context.shipping_address
    const place = jurisdictionOf(address?.country_code, address?.province)
    const ratesFor = (rates: Rate[], taxable: boolean): Rate[] => {
      if (!place || !isRegionDefault(rates)) return rates
      // Medusa's totals need a line on every shipping method, so an exempt one gets a 0% line.
      return taxable ? [{ rate: place.rate, name: place.name, code: place.code }] : [{ rate: 0, name: `${place.name}: shipping exempt`, code: `${place.code}-SHIPPING` }]
    }
    const items = itemLines.flatMap(({ item, rates }) =>
      ratesFor(rates, true).map((r) => ({ item_id: item.id, rate: r.rate ?? 0, name: r.name, code: r.code }))
    )
    const shipping = shippingLines.flatMap(({ shipping_method, rates }) =>
      ratesFor(rates, place?.taxesShipping ?? true).map((r) => ({
        shipping_method_id: shipping_method.id,
        rate: r.rate ?? 0,
        name: r.name,
        code: r.code,
      }))
    )
    return [...items, ...shipping] as ProviderTaxLine[]
  }
}

export default JurisdictionTaxService
