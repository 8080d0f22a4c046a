import { generateWebhookSecret } from "./standard-webhooks"
import { open, seal } from "./secret-box"

/**
 * A partner's webhook signing secrets as stored: sealed (AES-256-GCM with WEBHOOK_SECRET_KEY)
 * plus a hint for recognising one. The plain secret is shown once, when it is issued.
 * During a rotation the previous secret stays active until `expires_at`.
 */
export type StoredWebhookSecret = { sealed: string; hint: string; created_at: string; expires_at: string | null }
export type MaskedWebhookSecret = { hint: string; created_at: string; expires_at: string | null }

export function hintOf(secret: string): string {
  return `whsec_…${secret.slice(-4)}`
}

export function storeSecret(secret: string, key: Buffer, createdAt = new Date()): StoredWebhookSecret {
  return { sealed: seal(secret, key), hint: hintOf(secret), created_at: createdAt.toISOString(), expires_at: null }
}

/** A fresh secret: the plain value to show once, and what to store. */
export function issueSecret(key: Buffer, now = new Date()): { secret: string; stored: StoredWebhookSecret } {
  const secret = generateWebhookSecret()
  return { secret, stored: storeSecret(secret, key, now) }
}

const isActive = (s: { expires_at: string | null }, now: number) => !s.expires_at || Date.parse(s.expires_at) > now

/** Keeps the still-active secrets, each ending `expiresAt` at the latest, and adds a new one. */
export function rotate(stored: StoredWebhookSecret[], key: Buffer, overlapMs: number, now = new Date()) {
  const expires = new Date(now.getTime() + overlapMs).toISOString()
  const kept = stored.filter((s) => isActive(s, now.getTime())).map((s) => ({ ...s, expires_at: s.expires_at ?? expires }))
  const issued = issueSecret(key, now)
  return { secret: issued.secret, secrets: [...kept, issued.stored] }
}

/** The plain secrets that sign a delivery now. */
export function activeSecrets(stored: StoredWebhookSecret[], key: Buffer, now = Date.now()): string[] {
  return stored.filter((s) => isActive(s, now)).map((s) => open(s.sealed, key))
}

export function masked(stored: StoredWebhookSecret[]): MaskedWebhookSecret[] {
  return stored.map(({ hint, created_at, expires_at }) => ({ hint, created_at, expires_at }))
}
