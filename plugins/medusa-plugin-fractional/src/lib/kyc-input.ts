// Validation of a KYC application: pure, every message says what is wrong.
import { MedusaError } from "medusa-core-utils"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
export const MIN_AGE_YEARS = 18

export interface KycInput {
  legal_name: string
  country_code: string
  date_of_birth: string
}

export function parseKycInput(body: any, today = new Date()): KycInput {
  if (!body || typeof body !== "object") throw invalid("Send { legal_name, country_code, date_of_birth } as JSON")
  const { legal_name, country_code, date_of_birth } = body
  if (typeof legal_name !== "string" || legal_name.trim().length < 2 || legal_name.length > 200) {
    throw invalid("legal_name must be your full legal name (2 to 200 characters)")
  }
  if (typeof country_code !== "string" || !/^[a-zA-Z]{2}$/.test(country_code)) {
    throw invalid("country_code must be the two-letter ISO 3166 code of your country of residence, e.g. \"us\"")
  }
  if (typeof date_of_birth !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date_of_birth)) {
    throw invalid("date_of_birth must be a date written YYYY-MM-DD")
  }
  const born = new Date(`${date_of_birth}T00:00:00Z`)
  if (Number.isNaN(born.getTime()) || born.toISOString().slice(0, 10) !== date_of_birth) {
    throw invalid(`date_of_birth ${date_of_birth} is not a calendar date`)
  }
  const adult = new Date(Date.UTC(today.getUTCFullYear() - MIN_AGE_YEARS, today.getUTCMonth(), today.getUTCDate()))
  if (born > adult) throw invalid(`Shareholders must be at least ${MIN_AGE_YEARS} years old`)
  if (born.getUTCFullYear() < 1900) throw invalid("date_of_birth is before 1900")
  return { legal_name: legal_name.trim(), country_code: country_code.toLowerCase(), date_of_birth }
}

export type KycDecisionInput = { decision: "approved" | "rejected" | "revoked"; note: string }

export function parseKycDecision(body: any): KycDecisionInput {
  const decision = body?.decision
  if (!["approved", "rejected", "revoked"].includes(decision)) {
    throw invalid(`decision must be "approved", "rejected" or "revoked", got ${JSON.stringify(decision)}`)
  }
  const note = body?.note
  if (typeof note !== "string" || !note.trim() || note.length > 2000) throw invalid("note must say why (1 to 2000 characters)")
  return { decision, note: note.trim() }
}
