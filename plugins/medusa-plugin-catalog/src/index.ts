export { parseCatalogParams, CatalogParamError, SORTS, MAX_LIMIT, type CatalogParams } from "./lib/catalog-params"
export { PRICE_BUCKET_BOUNDS, type CatalogItem } from "./lib/catalog-engine"
export { rebuildAll, drainOutbox } from "./lib/read-model"
export { poolDb } from "./lib/pg-db"
export { CATALOG_PRODUCTS_CHANGED } from "./lib/events"
// The server reads the catalog's configuration at start, so a bad value stops the start (Medusa
// only logs a plugin loader's error).
export { readCatalogConfig, type CatalogConfig, type CatalogPluginOptions } from "./lib/config"
