import { MedusaError } from "medusa-core-utils"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Normalises an email from a request body or query (trimmed, lowercased), or answers 400 saying what is wrong. */
export function requireEmail(value: unknown, field = "email"): string {
  if (typeof value !== "string" || !value.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} is required`)
  }
  const email = value.trim().toLowerCase()
  if (email.length > 320 || !EMAIL.test(email)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must be an email address`)
  }
  return email
}

/** The same normalisation for rate-limit keys: undefined when the body names no usable email. */
export function emailKey(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim().toLowerCase().slice(0, 320) : undefined
}
