import { ConfigError, readServerEnv } from "../env"

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://db/x",
  REDIS_URL: "redis://cache:6379",
  STORE_CORS: "https://pvabazaar.com",
  ADMIN_CORS: "https://admin.pvabazaar.com",
  STOREFRONT_COM_URL: "https://pvabazaar.com",
  STOREFRONT_ORG_URL: "https://pvabazaar.org",
  JWT_SECRET: "j".repeat(40),
  COOKIE_SECRET: "c".repeat(40),
  WEBHOOK_SECRET_KEY: "ab".repeat(32),
}

describe("storefront revalidation settings", () => {
  it("are off unless storefront URLs are given", () => {
    expect(readServerEnv({}).storefrontRevalidation).toEqual({ urls: [], secret: "" })
    const on = readServerEnv({ STOREFRONT_REVALIDATE_URLS: "http://localhost:8000/api/revalidate, http://localhost:8001/api/revalidate" })
    expect(on.storefrontRevalidation.urls).toEqual(["http://localhost:8000/api/revalidate", "http://localhost:8001/api/revalidate"])
    expect(on.storefrontRevalidation.secret.length).toBeGreaterThan(0)
  })

  it("refuse a URL that is not http(s), and a missing or weak secret in production", () => {
    expect(() => readServerEnv({ STOREFRONT_REVALIDATE_URLS: "ftp://shop/revalidate" })).toThrow(ConfigError)
    const urls = { STOREFRONT_REVALIDATE_URLS: "https://pvabazaar.com/api/revalidate" }
    expect(() => readServerEnv({ ...production, ...urls })).toThrow(/REVALIDATE_SECRET is not set/)
    expect(() => readServerEnv({ ...production, ...urls, REVALIDATE_SECRET: "short" })).toThrow(/REVALIDATE_SECRET is too short/)
    expect(readServerEnv({ ...production, ...urls, REVALIDATE_SECRET: "r".repeat(40) }).storefrontRevalidation.secret).toBe("r".repeat(40))
  })
})
