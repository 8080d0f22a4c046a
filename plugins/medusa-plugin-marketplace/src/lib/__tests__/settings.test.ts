import { ConfigError } from "@pva/medusa-kit/config"
import { resolveSettings } from "../settings"

describe("the marketplace settings", () => {
  it("stop the start naming the option or variable that is wrong, and what it got", () => {
    expect(() => resolveSettings({ endingSoonMinutes: -5 }, {})).toThrow(ConfigError)
    expect(() => resolveSettings({ endingSoonMinutes: -5 }, {})).toThrow('endingSoonMinutes: must be a positive number (got "-5")')
    expect(() => resolveSettings({ endingSoonCheckSeconds: Number.NaN }, {})).toThrow(/endingSoonCheckSeconds: must be a number/)
    expect(() => resolveSettings({}, { CHAIN_ID: "mainnet" })).toThrow(/CHAIN_ID: must be a number \(got "mainnet"\)/)
    expect(() => resolveSettings({}, { CHAIN_SERVER_KEY: "0x1234" })).toThrow(/CHAIN_SERVER_KEY must be a 0x-prefixed 32-byte hex private key/)
  })

  it("default the ending-soon window and check to a minute's look at the last hour", () => {
    const settings = resolveSettings({}, { STOREFRONT_ORG_URL: "https://pvabazaar.org/" })
    expect(settings).toMatchObject({ endingSoonMs: 3_600_000, endingSoonCheckMs: 60_000, orgUrl: "https://pvabazaar.org", notificationProvider: "pva-email" })
  })

  it("without a key of its own off the development chain, starts with one that cannot pause", () => {
    expect(resolveSettings({}, { CHAIN_ID: "8453" }).signerKey).toBe(`0x${"0".repeat(63)}1`)
  })
})
