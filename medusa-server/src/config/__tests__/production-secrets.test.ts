import { spawnSync } from "child_process"
import path from "path"
import { DEV_SERVER_KEY } from "@pva/contracts"
import { ConfigError, readServerEnv } from "../env"
import { captureMoment, paymentRefusal } from "../../lib/payment-policy"

const MAIN = path.resolve(__dirname, "../../../dist/main.js")
const STRONG = "k3p8-long-random-secret-for-tests-0123456789"
/** Everything production needs; each test below takes one thing away or spoils it. */
const PRODUCTION = {
  NODE_ENV: "production",
  JWT_SECRET: STRONG,
  COOKIE_SECRET: STRONG,
  DATABASE_URL: "postgres://x/y",
  REDIS_URL: "redis://cache:6379",
  STORE_CORS: "https://pvabazaar.com,https://pvabazaar.org",
  ADMIN_CORS: "https://admin.pvabazaar.com",
  STOREFRONT_COM_URL: "https://pvabazaar.com",
  STOREFRONT_ORG_URL: "https://pvabazaar.org",
  WEBHOOK_SECRET_KEY: "q0Zq7w3gS0yqY0p5mJk3xq1fQbq8o2n7Jr5vT9c4Xw8=",
}
const HARDHAT_KEY_1 = DEV_SERVER_KEY

function startInProduction(env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [MAIN, "start"], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ...env },
    encoding: "utf8",
    timeout: 60_000,
  })
}

describe("production refuses to start on default secrets", () => {
  it.each([
    ["JWT_SECRET", { COOKIE_SECRET: STRONG }, /JWT_SECRET is not set/],
    ["JWT_SECRET", { JWT_SECRET: "supersecret", COOKIE_SECRET: STRONG }, /JWT_SECRET is a well-known default/],
    ["COOKIE_SECRET", { JWT_SECRET: STRONG, COOKIE_SECRET: "short-secret" }, /COOKIE_SECRET is too short/],
    ["COOKIE_SECRET", { JWT_SECRET: STRONG }, /COOKIE_SECRET is not set/],
  ])("exits non-zero and names %s", (_name, env, message) => {
    const result = startInProduction(env)
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(message)
  })

  it("accepts strong secrets", () => {
    const env = readServerEnv(PRODUCTION)
    expect(env.jwtSecret).toBe(STRONG)
  })

  it("refuses to run production on the embedded database", () => {
    expect(() => readServerEnv({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG })).toThrow(ConfigError)
  })

  it("lets development start on its own secret", () => {
    const env = readServerEnv({ NODE_ENV: "development" })
    expect(env.jwtSecret.length).toBeGreaterThan(16)
    expect(env.isProduction).toBe(false)
  })

  it("names a malformed number setting", () => {
    expect(() => readServerEnv({ PORT: "ninety" })).toThrow(/PORT must be a positive integer/)
    expect(() => readServerEnv({ RATE_LIMIT_STORE_LISTS_PER_CLIENT: "0" })).toThrow(/RATE_LIMIT_STORE_LISTS_PER_CLIENT must be a positive integer/)
  })

  it("keeps a wallet sign-in to a week at most, a day unless told", () => {
    expect(readServerEnv({}).walletSessionHours).toBe(24)
    expect(readServerEnv({ TWIN_WALLET_SESSION_HOURS: "2" }).walletSessionHours).toBe(2)
    for (const value of ["169", "0", "a day"]) {
      expect(() => readServerEnv({ TWIN_WALLET_SESSION_HOURS: value })).toThrow(ConfigError)
      expect(() => readServerEnv({ TWIN_WALLET_SESSION_HOURS: value })).toThrow(/TWIN_WALLET_SESSION_HOURS must be a number of hours above 0 and at most 168/)
    }
  })

  it("keeps the guest confirmation window to a day at most, 30 minutes unless told", () => {
    expect(readServerEnv({}).guestOrderConfirmationMinutes).toBe(30)
    expect(readServerEnv({ GUEST_ORDER_CONFIRMATION_MINUTES: "0" }).guestOrderConfirmationMinutes).toBe(0)
    for (const value of ["1441", "-1", "ten", "2.5"]) {
      expect(() => readServerEnv({ GUEST_ORDER_CONFIRMATION_MINUTES: value })).toThrow(/GUEST_ORDER_CONFIRMATION_MINUTES must be a whole number of minutes from 0 to 1440/)
    }
  })
})

describe("production refuses a deployment that cannot be shared or trusted", () => {
  const without = (name: keyof typeof PRODUCTION) => ({ ...PRODUCTION, [name]: undefined })

  it.each([
    ["REDIS_URL", without("REDIS_URL"), /REDIS_URL is not set: production shares sessions, events, rate limits and jobs/],
    ["STORE_CORS", without("STORE_CORS"), /STORE_CORS is not set/],
    ["ADMIN_CORS", without("ADMIN_CORS"), /ADMIN_CORS is not set/],
    ["STOREFRONT_COM_URL", without("STOREFRONT_COM_URL"), /STOREFRONT_COM_URL is not set: production emails customers links/],
    ["STOREFRONT_ORG_URL", without("STOREFRONT_ORG_URL"), /STOREFRONT_ORG_URL is not set/],
    ["TWIN_MINTER_KEY", { ...PRODUCTION, TWIN_MINTER_KEY: HARDHAT_KEY_1 }, /TWIN_MINTER_KEY is one of Hardhat's published development keys/],
    ["CHAIN_ISSUER_KEY", { ...PRODUCTION, CHAIN_ISSUER_KEY: HARDHAT_KEY_1 }, /CHAIN_ISSUER_KEY is one of Hardhat's/],
    ["WEBHOOK_SECRET_KEY", without("WEBHOOK_SECRET_KEY"), /WEBHOOK_SECRET_KEY: is not set/],
    ["WEBHOOK_SECRET_KEY", { ...PRODUCTION, WEBHOOK_SECRET_KEY: "too-short" }, /WEBHOOK_SECRET_KEY: must be 32 bytes/],
    ["WEBHOOK_POLL_INTERVAL_MS", { ...PRODUCTION, WEBHOOK_POLL_INTERVAL_MS: "1s" }, /WEBHOOK_POLL_INTERVAL_MS: must be a number \(got "1s"\)/],
    ["PARTNER_FEED_SYNC_SCHEDULE", { ...PRODUCTION, PARTNER_FEED_SYNC_SCHEDULE: "nightly" }, /PARTNER_FEED_SYNC_SCHEDULE: must be a cron expression/],
    ["CHAIN_SERVER_KEY", { ...PRODUCTION, CHAIN_SERVER_KEY: HARDHAT_KEY_1 }, /CHAIN_SERVER_KEY is one of Hardhat's published development keys/],
    ["MANUAL_PAYMENT_AUTO_CAPTURE", { ...PRODUCTION, MANUAL_PAYMENT_AUTO_CAPTURE: "true" }, /MANUAL_PAYMENT_AUTO_CAPTURE=true is for development only/],
    ["CHAIN_SERVER_KEY", { ...PRODUCTION, CHAIN_SERVER_KEY: HARDHAT_KEY_1.slice(2).toUpperCase() }, /CHAIN_SERVER_KEY is one of Hardhat's/],
    ["CHAIN_DEPLOYER_KEY", { ...PRODUCTION, CHAIN_DEPLOYER_KEY: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80" }, /CHAIN_DEPLOYER_KEY is one of/],
  ])("exits non-zero and names %s", (_name, env, message) => {
    const result = startInProduction(env)
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(message)
  })

  it("runs one process without Redis only when told so explicitly", () => {
    expect(readServerEnv({ ...without("REDIS_URL"), SINGLE_PROCESS: "true" }).redisUrl).toBeUndefined()
  })

  it("accepts a signer key of the operator's own, and the well-known keys outside production", () => {
    expect(() => readServerEnv({ ...PRODUCTION, CHAIN_SERVER_KEY: `0x${"ab".repeat(32)}` })).not.toThrow()
    expect(() => readServerEnv({ NODE_ENV: "development", CHAIN_SERVER_KEY: HARDHAT_KEY_1 })).not.toThrow()
  })

  it("reads WEBHOOK_SECRET_KEY as hex or base64", () => {
    expect(readServerEnv({ ...PRODUCTION, WEBHOOK_SECRET_KEY: "ab".repeat(32) }).partners.webhookSecretKey).toEqual(Buffer.alloc(32, 0xab))
    expect(readServerEnv(PRODUCTION).partners.webhookSecretKey).toEqual(Buffer.from(PRODUCTION.WEBHOOK_SECRET_KEY, "base64"))
  })
})

describe("manual payments (invoice, bank transfer)", () => {
  const shareCart = { providerId: "manual", hasShareLines: true }
  const shopCart = { providerId: "manual", hasShareLines: false }

  it("are not offered in production unless the merchant enables them, and never for shares", () => {
    const off = readServerEnv(PRODUCTION).payments
    expect(off).toMatchObject({ manualEnabled: false, manualAutoCapture: false, manualForShares: false })
    expect(paymentRefusal(shopCart, off)).toMatch(/invoice or bank transfer is not offered: choose another payment method/)

    const enabled = readServerEnv({ ...PRODUCTION, MANUAL_PAYMENT_ENABLED: "true" }).payments
    expect(paymentRefusal(shopCart, enabled)).toBeNull()
    expect(paymentRefusal(shareCart, enabled)).toBe("Shares are paid by card: payment by invoice or bank transfer is not offered for shares")
    expect(paymentRefusal({ providerId: "stripe", hasShareLines: true }, enabled)).toBeNull()
  })

  it("wait for an admin's capture in production, and count as paid at placement in development", () => {
    const production = readServerEnv({ ...PRODUCTION, MANUAL_PAYMENT_ENABLED: "true", MANUAL_PAYMENT_AUTO_CAPTURE: "false" }).payments
    expect(captureMoment({ providerId: "manual", hasDigitalGoods: true }, production)).toBe("admin")
    const development = readServerEnv({ NODE_ENV: "development" }).payments
    expect(development).toMatchObject({ manualEnabled: true, manualAutoCapture: true, manualForShares: true })
    expect(paymentRefusal(shareCart, development)).toBeNull()
    expect(captureMoment({ providerId: "manual", hasDigitalGoods: false }, development)).toBe("placement")
    expect(captureMoment({ providerId: "manual", hasDigitalGoods: false }, { ...development, manualAutoCapture: false })).toBe("admin")
  })

  it("capture a card payment at placement for digital goods and at fulfilment for physical pieces", () => {
    const settings = readServerEnv(PRODUCTION).payments
    expect(captureMoment({ providerId: "stripe", hasDigitalGoods: true }, settings)).toBe("placement")
    expect(captureMoment({ providerId: "stripe", hasDigitalGoods: false }, settings)).toBe("fulfillment")
  })

  it("name a setting that is not true or false", () => {
    expect(() => readServerEnv({ MANUAL_PAYMENT_AUTO_CAPTURE: "yes" })).toThrow(/MANUAL_PAYMENT_AUTO_CAPTURE must be true or false, got "yes"/)
    expect(() => readServerEnv({ MANUAL_PAYMENT_ENABLED: "1" })).toThrow(/MANUAL_PAYMENT_ENABLED must be true or false/)
  })
})
