import { randomBytes } from "crypto"
import { open, seal } from "../secret-box"

describe("sealed secrets (AES-256-GCM)", () => {
  const key = randomBytes(32)

  it("open with the key they were sealed with, and differ each time they are sealed", () => {
    const a = seal("whsec_abc", key)
    expect(open(a, key)).toBe("whsec_abc")
    expect(seal("whsec_abc", key)).not.toBe(a)
    expect(a).not.toContain("abc")
  })

  it("refuse to open with another key or after tampering", () => {
    const sealed = seal("whsec_abc", key)
    expect(() => open(sealed, randomBytes(32))).toThrow()
    const [v, iv, tag, ct] = sealed.split(".")
    const flipped = Buffer.from(ct, "base64url")
    flipped[0] ^= 1
    expect(() => open([v, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow()
    expect(() => open("whsec_plain", key)).toThrow(/not a sealed secret/)
  })
})
