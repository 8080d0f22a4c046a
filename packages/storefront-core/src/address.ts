export type AddressInput = {
  email: string
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  province?: string
  phone?: string
}

/** The address form's fields, in order: [field, label, input type]. */
export const ADDRESS_FIELDS: Array<[keyof AddressInput, string, string?]> = [
  ["email", "Email", "email"],
  ["first_name", "First name"],
  ["last_name", "Last name"],
  ["address_1", "Street address"],
  ["city", "City"],
  ["province", "State / province"],
  ["postal_code", "Postal code"],
  ["phone", "Phone (optional)", "tel"],
]

const POSTAL: Record<string, RegExp> = {
  us: /^\d{5}(-\d{4})?$/,
  de: /^\d{5}$/,
  fr: /^\d{5}$/,
  it: /^\d{5}$/,
  es: /^\d{5}$/,
  nl: /^\d{4}\s?[A-Za-z]{2}$/,
  gb: /^[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}$/,
}

/** Field → message for everything wrong with an address, checked before any payment step. */
export function validateAddress(a: AddressInput, allowedCountries: string[]): Partial<Record<keyof AddressInput, string>> {
  const errors: Partial<Record<keyof AddressInput, string>> = {}
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(a.email.trim())) errors.email = "Enter an email address like name@example.com"
  if (!a.first_name.trim()) errors.first_name = "Enter your first name"
  if (!a.last_name.trim()) errors.last_name = "Enter your last name"
  if (a.address_1.trim().length < 3) errors.address_1 = "Enter your street address"
  if (!a.city.trim()) errors.city = "Enter your city"
  if (!allowedCountries.includes(a.country_code)) errors.country_code = "Choose a country we ship to in this region"
  const pattern = POSTAL[a.country_code]
  const postal = a.postal_code.trim()
  if (!postal) errors.postal_code = "Enter your postal code"
  else if (pattern ? !pattern.test(postal) : postal.length > 10) errors.postal_code = `"${postal}" is not a valid postal code for ${a.country_code.toUpperCase()}`
  if (a.country_code === "us" && !a.province?.trim()) errors.province = "Enter your state"
  return errors
}
