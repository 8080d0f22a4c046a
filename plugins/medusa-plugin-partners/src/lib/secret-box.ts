import { createCipheriv, createDecipheriv, randomBytes } from "crypto"

/**
 * AES-256-GCM for secrets the server must read back (partners' webhook signing secrets):
 * a copied database or backup alone does not reveal them. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url); the tag makes a tampered value fail to open.
 */
const VERSION = "v1"

export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".")
}

export function open(sealed: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = sealed.split(".")
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("not a sealed secret")
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
  decipher.setAuthTag(Buffer.from(tag, "base64url"))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
}

