/** Past this many products one call drops every product page: a bulk import, not a sale. */
export const MAX_PRODUCT_TAGS = 200

/**
 * The cache tags a storefront drops for a batch of changes: `product:<id>` for each
 * changed product, `products` only when every product was rebuilt or too many changed,
 * and the category or collection lists when those changed.
 */
export function revalidationTags(batch: { productIds: Set<string> | string[]; all: boolean; lists: Set<string> | string[] }): string[] {
  const ids = [...batch.productIds]
  const productTags = batch.all || ids.length > MAX_PRODUCT_TAGS ? ["products"] : ids.sort().map((id) => `product:${id}`)
  return [...productTags, ...[...batch.lists].sort()]
}
