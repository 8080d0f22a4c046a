import type { PaymentsPluginOptions } from "@pva/medusa-plugin-payments"
import type { SalesDashboardPluginOptions } from "@pva/medusa-plugin-sales-dashboard"
import { ServerEnv } from "./env"

export const EVENT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
}

/**
 * The Medusa config object for the environment: every external service has a
 * real default that runs on a bare machine, and the real service when configured.
 */
export function buildMedusaConfig(env: ServerEnv) {
  const plugins: Array<string | { resolve: string; options: Record<string, unknown> }> = [
    "medusa-fulfillment-manual",
    "medusa-payment-manual",
    // Partners, signed order webhooks, feed sync and stock alerts; settings validated by readServerEnv.
    { resolve: "@pva/medusa-plugin-partners", options: { ...env.partners, enableUI: true } },
    { resolve: "@pva/medusa-plugin-archetype", options: { enableUI: true } },
    // The storefronts' catalog: read model, Postgres search, facets; Meilisearch when configured.
    { resolve: "@pva/medusa-plugin-catalog", options: env.catalog },
    // Digital twins: chain, keys and storefront URLs come from the environment
    // (CHAIN_*, TWIN_MINTER_KEY / TWIN_ATTESTER_KEY, STOREFRONT_ORG_URL, SIWE_DOMAINS, PINNING_SERVICE_*), validated by readServerEnv.
    { resolve: "@pva/medusa-plugin-digital-twin", options: { ...env.digitalTwin, enableUI: true } },
  ]

  // Cards through Stripe (see plugins/medusa-plugin-payments): registered without a key too, so
  // Medusa Admin is built with its pages (disputes, reconciliation); Stripe is only offered to
  // regions, and only called, when STRIPE_API_KEY is set.
  const payments: PaymentsPluginOptions = {
    api_key: env.stripeApiKey ?? "",
    webhook_secret: env.stripeWebhookSecret ?? "",
    api_url: env.stripeApiUrl,
    automatic_payment_methods: true,
    merchant_email: env.email.adminAlertEmail,
    enableUI: true,
  }
  plugins.push({ resolve: "@pva/medusa-plugin-payments", options: payments })

  // Without Meilisearch, the store API's own Postgres-backed product search answers.
  if (env.meilisearchHost) {
    plugins.push({
      resolve: "medusa-plugin-meilisearch",
      options: {
        config: { host: env.meilisearchHost, apiKey: env.meilisearchApiKey },
        settings: {
          products: {
            indexSettings: {
              searchableAttributes: ["title", "description", "variant_sku", "material", "origin_country"],
              displayedAttributes: ["id", "title", "description", "handle", "thumbnail", "variant_sku"],
            },
            primaryKey: "id",
          },
        },
      },
    })
  }

  // Chain sync is always registered: its tables, the status route and the
  // `pva-chain-sync` CLI share one schema. The follower loop only runs with
  // CHAIN_SYNC_FOLLOW=true (RPC, chain and contracts come from the CHAIN_* variables).
  plugins.push({
    resolve: "@pva/medusa-plugin-chain-sync",
    options: { follow: env.chainSyncFollow, enableUI: true },
  })

  // Fractional shares: offerings, KYC, reservations, cap table; follows chain sync's events.
  plugins.push({ resolve: "@pva/medusa-plugin-fractional", options: { enableUI: true } })

  // The PVAMarket read model: listings, bids, offers, sales and royalties followed from chain
  // sync's events; the store's market routes, market emails and the admin's market page.
  plugins.push({ resolve: "@pva/medusa-plugin-marketplace", options: { enableUI: true } })
  // The sales dashboard in Admin: read model over orders, and the funnel's product-view counter.
  const salesDashboard: SalesDashboardPluginOptions = { redisUrl: env.redisUrl, enableUI: true }
  plugins.push({ resolve: "@pva/medusa-plugin-sales-dashboard", options: salesDashboard })

  if (env.serveAdmin) {
    plugins.push({
      resolve: "@medusajs/admin",
      options: {
        serve: true,
        path: "/app",
        outDir: "build",
        autoRebuild: false,
        // Served by this server, so the admin calls its API on whatever origin it was reached by.
        backend: "/",
      },
    })
  }

  const modules: Record<string, unknown> = env.redisUrl
    ? {
        eventBus: {
          resolve: "@medusajs/event-bus-redis",
          // Medusa runs each event once by default, so a subscriber that fails (a worker killed
          // mid-event, a busy database) is logged and never retried: an order's email is lost.
          // Retries re-run only the subscribers that failed.
          options: { redisUrl: env.redisUrl, jobOptions: EVENT_JOB_OPTIONS },
        },
        cacheService: { resolve: "@medusajs/cache-redis", options: { redisUrl: env.redisUrl, ttl: 30 } },
      }
    : {
        eventBus: { resolve: "@medusajs/event-bus-local" },
        cacheService: { resolve: "@medusajs/cache-inmemory", options: { ttl: 30 } },
      }

  return {
    projectConfig: {
      database_type: "postgres",
      database_url: env.databaseUrl,
      database_extra: { max: env.databasePoolMax },
      redis_url: env.redisUrl,
      jwt_secret: env.jwtSecret,
      cookie_secret: env.cookieSecret,
      // Medusa's defaults save every request's copy of the session when it ends, so a request
      // that began before a login wrote the signed-out copy back over it; and gave each
      // anonymous request a session (and cookie) of its own, which the login's cookie then raced.
      session_options: { resave: false, saveUninitialized: false },
      store_cors: env.storeCors,
      admin_cors: env.adminCors,
      auth_cors: env.authCors,
      worker_mode: env.workerMode,
      http_compression: { enabled: true },
    },
    featureFlags: {
      product_categories: true,
      // EU prices include VAT (regions, currencies and shipping options carry `includes_tax`).
      tax_inclusive_pricing: true,
      // Otherwise Medusa Admin covers every page with a prompt to send usage data to Medusa
      // (Segment) until each user answers it, and loads Segment's script once they do.
      analytics: false,
    },
    plugins,
    modules,
  }
}
