import { createHash, randomBytes } from "node:crypto"

/** 128 random bits, base32 (26 characters) so a person can type it from an email. */
export function newClaimCode(): string {
  const bytes = randomBytes(16)
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
  let bits = 0
  let value = 0
  let out = ""
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}

/** Only this is stored: a leaked table does not let anyone claim. */
export function claimCodeHash(code: string): string {
  return createHash("sha256").update(`pva-twin-claim:${code.trim().toLowerCase()}`).digest("hex")
}

export function looksLikeClaimCode(code: unknown): code is string {
  return typeof code === "string" && /^[a-z2-7]{26}$/i.test(code.trim())
}
