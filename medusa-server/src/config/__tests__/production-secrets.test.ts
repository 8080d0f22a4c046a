import { spawnSync } from "child_process"
import path from "path"
import { ConfigError, readServerEnv } from "../env"

const MAIN = path.resolve(__dirname, "../../../dist/main.js")
const STRONG = "k3p8-long-random-secret-for-tests-0123456789"

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
    const env = readServerEnv({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG, DATABASE_URL: "postgres://x/y" })
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
  })
})
