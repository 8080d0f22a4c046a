import { ConfigError } from "@pva/medusa-kit/config"
import catalogRefresherLoader from "../../loaders/catalog-refresher"
import { readCatalogConfig, readCatalogCliConfig } from "../config"

describe("the catalog's configuration", () => {
  it("defaults to refreshing from Postgres, draining every 5 s", () => {
    expect(readCatalogConfig({}, {})).toEqual({ meilisearch: undefined, refresh: true, pollIntervalMs: 5000 })
    expect(readCatalogConfig({ meilisearch: { host: "http://127.0.0.1:7700", apiKey: "k" } }, { CATALOG_REFRESH: "false" })).toEqual({
      meilisearch: { host: "http://127.0.0.1:7700", apiKey: "k" },
      refresh: false,
      pollIntervalMs: 5000,
    })
    expect(readCatalogConfig({ meilisearch: { host: "" } }, {}).meilisearch).toBeUndefined()
  })

  it("stops the start on a bad value, naming the option or variable and what it got", async () => {
    const container = { resolve: () => ({ projectConfig: { database_url: "postgres://unused" } }) }
    await expect(catalogRefresherLoader(container, { pollIntervalMs: "often" as never })).rejects.toThrow(ConfigError)
    await expect(catalogRefresherLoader(container, { pollIntervalMs: "often" as never })).rejects.toThrow('pollIntervalMs: must be a number (got "often")')
    const env = process.env.CATALOG_REFRESH
    process.env.CATALOG_REFRESH = "no"
    try {
      await expect(catalogRefresherLoader(container, {})).rejects.toThrow(/CATALOG_REFRESH: .*\(got "no"\)/)
    } finally {
      if (env === undefined) delete process.env.CATALOG_REFRESH
      else process.env.CATALOG_REFRESH = env
    }
  })

  it("has pva-catalog name a missing DATABASE_URL", () => {
    expect(() => readCatalogCliConfig({})).toThrow("DATABASE_URL: is not set")
  })
})
