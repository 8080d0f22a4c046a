/**
 * The tax rates the shop charges, by where an order ships. EU prices include VAT at the
 * destination country's standard rate; US prices exclude sales tax, added at checkout at
 * the destination state's base rate (local district taxes are not collected).
 * Rates in percent, as Medusa's tax lines carry them.
 */
export const EU_STANDARD_VAT: Record<string, number> = {
  at: 20,
  be: 21,
  de: 19,
  es: 21,
  fi: 25.5,
  fr: 20,
  ie: 23,
  it: 22,
  nl: 21,
  pt: 23,
}

export const US_STATE_SALES_TAX: Record<string, number> = {
  AL: 4, AK: 0, AZ: 5.6, AR: 6.5, CA: 7.25, CO: 2.9, CT: 6.35, DE: 0, DC: 6, FL: 6, GA: 4, HI: 4,
  ID: 6, IL: 6.25, IN: 7, IA: 6, KS: 6.5, KY: 6, LA: 4.45, ME: 5.5, MD: 6, MA: 6.25, MI: 6,
  MN: 6.875, MS: 7, MO: 4.225, MT: 0, NE: 5.5, NV: 6.85, NH: 0, NJ: 6.625, NM: 4.875, NY: 4,
  NC: 4.75, ND: 5, OH: 5.75, OK: 4.5, OR: 0, PA: 6, RI: 7, SC: 6, SD: 4.2, TN: 7, TX: 6.25,
  UT: 6.1, VT: 6, VA: 5.3, WA: 6.5, WV: 6, WI: 5, WY: 4,
}

export type Jurisdiction = {
  rate: number
  name: string
  code: string
  /** Whether shipping is taxed too: VAT applies to delivery; US states mostly exempt separately stated shipping. */
  taxesShipping: boolean
}

/** `province` as shoppers and Medusa Admin write it: "CA", "ca" or "us-ca". */
export function jurisdictionOf(countryCode: string | null | undefined, province: string | null | undefined): Jurisdiction | null {
  const country = (countryCode ?? "").toLowerCase()
  if (country in EU_STANDARD_VAT) {
    return { rate: EU_STANDARD_VAT[country], name: `VAT (${country.toUpperCase()})`, code: `VAT-${country.toUpperCase()}`, taxesShipping: true }
  }
  if (country === "us") {
    const state = (province ?? "").trim().toUpperCase().replace(/^US-/, "")
    if (!(state in US_STATE_SALES_TAX)) return null
    return { rate: US_STATE_SALES_TAX[state], name: `Sales tax (${state})`, code: `US-${state}`, taxesShipping: false }
  }
  return null
}
