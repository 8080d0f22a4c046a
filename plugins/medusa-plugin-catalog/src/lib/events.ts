/**
 * Emitted after the read model refreshed products: `{ product_ids: string[], all: boolean }`
 * (`all`: every product was rebuilt). It follows every write the catalog shows, including
 * those Medusa emits no event for (money amounts, stock taken by a checkout, SQL imports).
 */
export const CATALOG_PRODUCTS_CHANGED = "catalog.products_changed"
