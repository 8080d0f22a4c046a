import { randomBytes } from "crypto"
import { Webhook } from "standardwebhooks"

/**
 * Signing of partner webhooks by the Standard Webhooks specification, with its reference
 * library: headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`,
 * each signature `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the
 * base64-decoded part of a `whsec_` secret. Partners verify with any Standard Webhooks
 * library, e.g. `new Webhook(secret).verify(body, headers)` from npm `standardwebhooks`
 * (this plugin's README, "Webhooks for partners").
 */
const PREFIX = "whsec_"

/** A fresh secret: `whsec_` and 32 random bytes in base64 (the specification allows 24 to 64). */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64")
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return new Webhook(secret).sign(id, new Date(timestamp * 1000), body)
}

/** The `webhook-signature` header: one signature per active secret, space separated. */
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets.map((secret) => sign(secret, id, timestamp, body)).join(" ")
}
