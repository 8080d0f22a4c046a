import { ConfigError, readServerEnv } from "../env"
import { buildMedusaConfig } from "../medusa-config"

const pluginNames = (config: ReturnType<typeof buildMedusaConfig>) =>
  config.plugins.map((p) => (typeof p === "string" ? p : p.resolve))

describe("the Medusa config follows the environment", () => {
  it("uses the manual payment provider, local event bus and in-memory cache on a bare machine", () => {
    const config = buildMedusaConfig(readServerEnv({}))
    expect(pluginNames(config)).toContain("medusa-payment-manual")
    const payments = config.plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-payments") as any
    expect(payments.options.api_key).toBe("") // its Admin pages are built; Stripe is neither offered nor called
    expect((config.modules.eventBus as any).resolve).toBe("@medusajs/event-bus-local")
    expect((config.modules.cacheService as any).resolve).toBe("@medusajs/cache-inmemory")
  })

  it("adds Stripe with its webhook secret when a Stripe key is set", () => {
    const config = buildMedusaConfig(readServerEnv({ STRIPE_API_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_y" }))
    const stripe = config.plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-payments") as any
    expect(stripe.options).toMatchObject({ api_key: "sk_test_x", webhook_secret: "whsec_y", merchant_email: "admin@pvabazaar.local" })
    expect(stripe.options.api_url).toBeUndefined()
    expect(pluginNames(config)).toContain("medusa-payment-manual")
  })

  it("points Stripe at a stand-in only outside production", () => {
    const env = { STRIPE_API_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_y", STRIPE_API_URL: "http://127.0.0.1:12111" }
    const stripe = buildMedusaConfig(readServerEnv(env)).plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-payments") as any
    expect(stripe.options.api_url).toBe("http://127.0.0.1:12111")
    expect(() => readServerEnv({ ...env, STRIPE_API_URL: "127.0.0.1:12111" })).toThrow(/STRIPE_API_URL.*not an http\(s\) URL/)
    expect(() => readServerEnv({ ...env, NODE_ENV: "production" })).toThrow(/STRIPE_API_URL is set: production/)
  })

  it("registers the digital twin plugin with its admin UI", () => {
    const twins = buildMedusaConfig(readServerEnv({})).plugins.find(
      (p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-digital-twin"
    ) as any
    expect(twins.options).toMatchObject({ enableUI: true })
  })

  it("registers the partners plugin with the partner settings it validated as options", () => {
    const env = readServerEnv({ WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,1", PARTNER_FEED_SYNC_HOUR_UTC: "4" })
    const partners = buildMedusaConfig(env).plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-partners") as any
    expect(partners.options).toMatchObject({ enableUI: true, webhookRetryScheduleSeconds: [0, 1], feedSyncHourUtc: 4 })
    expect(partners.options.webhookSecretKey).toEqual(env.partners.webhookSecretKey)
  })

  it("uses Redis for events and cache when REDIS_URL is set", () => {
    const config = buildMedusaConfig(readServerEnv({ REDIS_URL: "redis://cache:6379" }))
    expect(config.modules.eventBus).toMatchObject({ resolve: "@medusajs/event-bus-redis", options: { redisUrl: "redis://cache:6379" } })
    // A failed subscriber (a worker killed mid-event) is retried rather than dropped.
    expect((config.modules.eventBus as any).options.jobOptions.attempts).toBeGreaterThan(1)
    expect((config.modules.cacheService as any).resolve).toBe("@medusajs/cache-redis")
    expect(config.projectConfig.redis_url).toBe("redis://cache:6379")
  })

  it("sizes the database pool from DATABASE_POOL_MAX (20 by default)", () => {
    expect(buildMedusaConfig(readServerEnv({})).projectConfig.database_extra).toEqual({ max: 20 })
    expect(buildMedusaConfig(readServerEnv({ DATABASE_POOL_MAX: "4" })).projectConfig.database_extra).toEqual({ max: 4 })
  })

  it("indexes products in Meilisearch when MEILISEARCH_HOST is set, and not otherwise", () => {
    expect(pluginNames(buildMedusaConfig(readServerEnv({})))).not.toContain("medusa-plugin-meilisearch")
    const config = buildMedusaConfig(readServerEnv({ MEILISEARCH_HOST: "http://search:7700", MEILISEARCH_API_KEY: "k" }))
    const meili = config.plugins.find((p) => typeof p !== "string" && p.resolve === "medusa-plugin-meilisearch") as any
    expect(meili.options.config).toEqual({ host: "http://search:7700", apiKey: "k" })
  })

  it("gives the catalog Meilisearch when MEILISEARCH_HOST is set, and refuses a CATALOG_REFRESH that is not true or false at start", () => {
    const catalogOptions = (env: Record<string, string>) => {
      const plugin = buildMedusaConfig(readServerEnv(env)).plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-catalog")
      return typeof plugin === "object" ? plugin.options : undefined
    }
    expect(catalogOptions({})).toEqual({ meilisearch: undefined })
    expect(catalogOptions({ MEILISEARCH_HOST: "http://search:7700", MEILISEARCH_API_KEY: "k" })).toEqual({ meilisearch: { host: "http://search:7700", apiKey: "k" } })
    expect(() => readServerEnv({ CATALOG_REFRESH: "no" })).toThrow(ConfigError)
    expect(() => readServerEnv({ CATALOG_REFRESH: "no" })).toThrow(/CATALOG_REFRESH: .*\(got "no"\)/)
  })

  it("registers chain sync always, and follows the chain only with CHAIN_SYNC_FOLLOW=true outside server-only mode", () => {
    const chainSync = (env: Record<string, string>) =>
      buildMedusaConfig(readServerEnv(env)).plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-chain-sync") as any
    expect(chainSync({}).options).toMatchObject({ follow: false })
    expect(chainSync({ CHAIN_SYNC_FOLLOW: "true" }).options).toMatchObject({ follow: true })
    expect(chainSync({ CHAIN_SYNC_FOLLOW: "true", MEDUSA_WORKER_MODE: "server" }).options).toMatchObject({ follow: false })
  })

  it("takes CORS origins from the environment", () => {
    const config = buildMedusaConfig(readServerEnv({ STORE_CORS: "https://pvabazaar.com,https://pvabazaar.org", ADMIN_CORS: "https://admin.pvabazaar.com" }))
    expect(config.projectConfig.store_cors).toBe("https://pvabazaar.com,https://pvabazaar.org")
    expect(config.projectConfig.admin_cors).toBe("https://admin.pvabazaar.com")
  })

  it("serves the admin at /app unless told not to", () => {
    expect(pluginNames(buildMedusaConfig(readServerEnv({})))).toContain("@medusajs/admin")
    expect(pluginNames(buildMedusaConfig(readServerEnv({ MEDUSA_ADMIN_SERVE: "false" })))).not.toContain("@medusajs/admin")
  })
})
