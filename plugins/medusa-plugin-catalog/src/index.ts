export { parseCatalogParams, CatalogParamError, SORTS, MAX_LIMIT, type CatalogParams } from "./lib/catalog-params"
export { PRICE_BUCKET_BOUNDS, type CatalogItem } from "./lib/catalog-engine"
export { rebuildAll, drainOutbox } from "./lib/read-model"
export { CATALOG_PRODUCTS_CHANGED } from "./lib/events"
