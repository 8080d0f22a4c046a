import fs from "fs"
import path from "path"
import { createHmac } from "crypto"
import { Webhook } from "standardwebhooks"
import { generateWebhookSecret, sign, signatureHeader } from "../standard-webhooks"
import { standardWebhookValid } from "../../../test-support/webhook-receiver"

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

  it("is accepted by a partner's verifier, which rejects a tampered body, another secret or a stale timestamp", () => {
    const secret = generateWebhookSecret()
    const now = Math.floor(Date.now() / 1000)
    const message = (timestamp: number, body = '{"a":1}') => ({ id: "msg_2", timestamp: String(timestamp), body, signature: sign(secret, "msg_2", timestamp, '{"a":1}') })
    expect(standardWebhookValid(secret, message(now))).toBe(true)
    expect(standardWebhookValid(secret, message(now, '{"a":2}'))).toBe(false)
    expect(standardWebhookValid(generateWebhookSecret(), message(now))).toBe(false)
    // the library's replay window, on the real clock
    expect(standardWebhookValid(secret, message(now - 301), now - 301)).toBe(false)
  })

  it("issues whsec_ secrets of 32 random bytes", () => {
    const s = generateWebhookSecret()
    expect(s.startsWith("whsec_")).toBe(true)
    expect(Buffer.from(s.slice(6), "base64")).toHaveLength(32)
    expect(s).not.toBe(generateWebhookSecret())
  })
})

describe("the README's example delivery", () => {
  it("is signed with the example secret by the Standard Webhooks library a partner verifies with", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8")
    const example = readme.match(/```http\n([\s\S]*?)\n```/)![1]
    const [head, body] = example.split("\n\n")
    const header = (name: string) => head.match(new RegExp(`^${name}: (.+)$`, "m"))![1]
    const secret = readme.match(/example secret `(whsec_[^`]+)`/)![1]
    const message = { id: header("webhook-id"), timestamp: header("webhook-timestamp"), signature: header("webhook-signature"), body }
    // The library checks the timestamp against the real clock, so here: its signature for that moment.
    expect(new Webhook(secret).sign(message.id, new Date(Number(message.timestamp) * 1000), body)).toBe(message.signature)
    expect(standardWebhookValid(secret, { ...message, timestamp: String(Math.floor(Date.now() / 1000)) })).toBe(false)
    expect(JSON.parse(body).data.items[0]).toMatchObject({ sku: "GEM-001", quantity: 1 })
  })
})
