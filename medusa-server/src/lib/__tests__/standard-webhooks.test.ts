import { createHmac } from "crypto"
import { generateWebhookSecret, isWebhookSecret, sign, signatureHeader, verify } from "../standard-webhooks"

// The example from the Standard Webhooks specification's reference implementations.
const SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
const SPEC_TS = 1614265330
const SPEC_BODY = '{"test": 2432232314}'

describe("Standard Webhooks signing", () => {
  it("matches the specification's published signature", () => {
    expect(sign(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY)).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
  })

  it("signs with every active secret during rotation", () => {
    const a = generateWebhookSecret()
    const b = generateWebhookSecret()
    const header = signatureHeader([a, b], "msg_1", 1700000000, "{}")
    const parts = header.split(" ")
    expect(parts).toHaveLength(2)
    const expected = (s: string) =>
      "v1," + createHmac("sha256", Buffer.from(s.slice(6), "base64")).update("msg_1.1700000000.{}").digest("base64")
    expect(parts).toEqual([expected(a), expected(b)])
  })

  it("verifies, and rejects a tampered body or a stale timestamp", () => {
    const secret = generateWebhookSecret()
    const now = 1700000000
    const signature = sign(secret, "msg_2", now, '{"a":1}')
    expect(verify(secret, { id: "msg_2", timestamp: String(now), signature }, '{"a":1}', 300, now)).toBe(true)
    expect(verify(secret, { id: "msg_2", timestamp: String(now), signature }, '{"a":2}', 300, now)).toBe(false)
    expect(verify(secret, { id: "msg_2", timestamp: String(now), signature }, '{"a":1}', 300, now + 301)).toBe(false)
  })

  it("issues whsec_ secrets of 32 random bytes", () => {
    const s = generateWebhookSecret()
    expect(isWebhookSecret(s)).toBe(true)
    expect(Buffer.from(s.slice(6), "base64")).toHaveLength(32)
    expect(s).not.toBe(generateWebhookSecret())
  })
})
