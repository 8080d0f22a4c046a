import { createHash, randomBytes } from "crypto"

/** 256 random bits, URL-safe: what a customer receives in an emailed link. */
export function newToken(): string {
  return randomBytes(32).toString("base64url")
}

/** Only this digest is stored, so a database read does not yield usable links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}
