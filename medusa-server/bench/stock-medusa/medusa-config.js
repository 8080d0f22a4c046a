// A stock Medusa 1.20 configuration for the benchmark's baseline: the settings
// the PVA server runs with (same database, pool size, compression, feature flags,
// local event bus, in-memory cache, manual payment and fulfillment), but none of
// the project's code: this directory has no dist/, so Medusa loads no custom
// models, services, strategies, routes, middlewares or loaders.
const secret = "stock-medusa-bench-secret-not-for-production"

module.exports = {
  projectConfig: {
    database_type: "postgres",
    database_url: process.env.DATABASE_URL,
    database_extra: { max: 20 },
    jwt_secret: secret,
    cookie_secret: secret,
    store_cors: "http://localhost:8000",
    admin_cors: "http://localhost:7001",
    auth_cors: "http://localhost:7001",
    worker_mode: "shared",
    http_compression: { enabled: true },
  },
  featureFlags: {
    product_categories: true,
  },
  plugins: ["medusa-fulfillment-manual", "medusa-payment-manual"],
  modules: {
    eventBus: { resolve: "@medusajs/event-bus-local" },
    cacheService: { resolve: "@medusajs/cache-inmemory", options: { ttl: 30 } },
  },
}
