import { DEV_SERVER_KEY } from "@pva/contracts"
import { z } from "zod"
import { ConfigError, readConfig } from "../config"
import { readChainSettings, signerKey } from "../chain/settings"

const schema = z.object({ WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000) })

describe("a plugin's settings read through its schema", () => {
  it("names the variable and what it got when a value is not a number, instead of using NaN", () => {
    expect(() => readConfig(schema, { WEBHOOK_TIMEOUT_MS: "15s" })).toThrow(ConfigError)
    expect(() => readConfig(schema, { WEBHOOK_TIMEOUT_MS: "15s" })).toThrow('WEBHOOK_TIMEOUT_MS: must be a number (got "15s")')
  })

  it("never repeats the value of a secret, which would end up in the logs", () => {
    const secrets = z.object({ STRIPE_API_KEY: z.string().startsWith("sk_"), JWT_SECRET: z.string().min(32) })
    expect(() => readConfig(secrets, { STRIPE_API_KEY: "pk_live_oops", JWT_SECRET: "hunter2" })).toThrow(/STRIPE_API_KEY: .*; JWT_SECRET: /)
    expect(() => readConfig(secrets, { STRIPE_API_KEY: "pk_live_oops", JWT_SECRET: "hunter2" })).not.toThrow(/pk_live_oops|hunter2/)
  })

  it("uses the default when the variable is unset", () => {
    expect(readConfig(schema, {})).toEqual({ WEBHOOK_TIMEOUT_MS: 15_000 })
  })

  it("refuses a chain id that is not a number and an RPC URL that is not http", () => {
    expect(() => readChainSettings({ CHAIN_ID: "mainnet" })).toThrow(/CHAIN_ID: must be a number \(got "mainnet"\)/)
    expect(() => readChainSettings({ CHAIN_RPC_URLS: "127.0.0.1:8545" })).toThrow(/CHAIN_RPC_URLS must list http\(s\) URLs/)
  })

  it("signs with the development key only on the local chain outside production", () => {
    expect(signerKey(readChainSettings({}), "TWIN_MINTER_KEY", undefined, {})).toBe(DEV_SERVER_KEY)
    expect(() => signerKey(readChainSettings({ CHAIN_ID: "8453" }), "TWIN_MINTER_KEY", undefined, {})).toThrow(/TWIN_MINTER_KEY \(or CHAIN_SERVER_KEY\) is not set/)
    const production = readChainSettings({ NODE_ENV: "production" })
    expect(() => signerKey(production, "CHAIN_MINTER_KEY", DEV_SERVER_KEY, {})).toThrow(/CHAIN_MINTER_KEY is one of Hardhat's published development keys/)
  })
})
