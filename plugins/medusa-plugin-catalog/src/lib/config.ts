// The catalog's options (medusa-config) and the variables that stand in for them, read through
// one schema at start: a bad value stops the start with the option's or variable's name.
import { readConfig } from "@pva/medusa-kit/config"
import { z } from "zod"
import type { MeiliOptions } from "../engines/meilisearch"

export type CatalogPluginOptions = {
  /** Set (with a host): the catalog answers from Meilisearch, mirrored from the Postgres read model. */
  meilisearch?: MeiliOptions
  /** false: this process does not refresh the read model (another process or the CLI does). Default true. */
  refresh?: boolean
  /** How often the refresher drains the outbox in case a notification was lost (default 5000 ms). */
  pollIntervalMs?: number
}

export type CatalogConfig = {
  /** Absent: the catalog answers from Postgres. */
  meilisearch?: MeiliOptions
  /** Whether this process refreshes the read model (option `refresh` and CATALOG_REFRESH both allow it). */
  refresh: boolean
  pollIntervalMs: number
}

const meilisearch = z
  .object({
    host: z.string().optional(),
    apiKey: z.string().optional(),
    index: z.string().min(1).optional(),
  })
  .optional()

const catalogSchema = z
  .object({
    meilisearch,
    refresh: z.boolean().default(true),
    pollIntervalMs: z.coerce.number().int({ message: "must be a positive integer" }).positive({ message: "must be a positive integer" }).default(5000),
    CATALOG_REFRESH: z.enum(["true", "false"]).optional(),
  })
  .transform(
    (c): CatalogConfig => ({
      meilisearch: c.meilisearch?.host ? { ...c.meilisearch, host: c.meilisearch.host } : undefined,
      refresh: c.refresh && c.CATALOG_REFRESH !== "false",
      pollIntervalMs: c.pollIntervalMs,
    })
  )

/** The catalog's settings from its options and the environment; a ConfigError naming each bad one. */
export function readCatalogConfig(options: CatalogPluginOptions = {}, env: NodeJS.ProcessEnv = process.env): CatalogConfig {
  return readConfig(catalogSchema, {
    meilisearch: options.meilisearch,
    refresh: options.refresh,
    pollIntervalMs: options.pollIntervalMs,
    CATALOG_REFRESH: env.CATALOG_REFRESH || undefined,
  })
}

const cliSchema = z.object({
  DATABASE_URL: z.string({ required_error: "is not set" }).min(1, { message: "is not set" }),
  MEILISEARCH_HOST: z.string().optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
})

/** What `pva-catalog` reads from the environment. */
export function readCatalogCliConfig(env: NodeJS.ProcessEnv = process.env) {
  return readConfig(cliSchema, {
    DATABASE_URL: env.DATABASE_URL || undefined,
    MEILISEARCH_HOST: env.MEILISEARCH_HOST || undefined,
    MEILISEARCH_API_KEY: env.MEILISEARCH_API_KEY || undefined,
  })
}
