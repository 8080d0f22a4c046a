import { createHmac, randomBytes, timingSafeEqual } from "crypto"

/**
 * Standard Webhooks 1.0 signing: `v1,<base64 HMAC-SHA256(id.timestamp.body)>`,
 * keyed with the base64-decoded part of a `whsec_` secret.
 */
const PREFIX = "whsec_"

export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64")
}

export function isWebhookSecret(value: unknown): value is string {
  if (typeof value !== "string" || !value.startsWith(PREFIX)) return false
  const key = Buffer.from(value.slice(PREFIX.length), "base64")
  return key.length >= 24 && key.length <= 64
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64")
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return "v1," + createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")
}

/** The `webhook-signature` header: one signature per active secret, space separated. */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((secret) => sign(secret, id, timestamp, body)).join(" ")
}

/** Verifies as a receiver would (used by the admin "test" tooling and our own checks). */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  toleranceSeconds = 300,
  now = Math.floor(Date.now() / 1000)
): boolean {
  const timestamp = Number(headers.timestamp)
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(sign(secret, headers.id, timestamp, body))
  return headers.signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}
