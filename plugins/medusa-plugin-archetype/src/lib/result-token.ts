import { createHash, randomBytes } from "crypto"

/** A bearer secret for an anonymous result; only its hash is stored. */
export function newResultToken(): { token: string; hash: string } {
  const token = `art_${randomBytes(24).toString("base64url")}`
  return { token, hash: hashResultToken(token) }
}

export const hashResultToken = (token: string) => createHash("sha256").update(token).digest("hex")
