import { MAX_PRODUCT_TAGS, revalidationTags } from "../revalidation-tags"

describe("storefront revalidation tags", () => {
  it("name only the products that changed", () => {
    expect(revalidationTags({ productIds: new Set(["prod_b", "prod_a"]), all: false, lists: new Set() })).toEqual(["product:prod_a", "product:prod_b"])
  })

  it("drop every product page only for a full rebuild or a bulk change", () => {
    expect(revalidationTags({ productIds: ["prod_a"], all: true, lists: [] })).toEqual(["products"])
    const bulk = Array.from({ length: MAX_PRODUCT_TAGS + 1 }, (_, i) => `prod_${i}`)
    expect(revalidationTags({ productIds: bulk, all: false, lists: [] })).toEqual(["products"])
  })

  it("add the category and collection lists when they changed", () => {
    expect(revalidationTags({ productIds: [], all: false, lists: new Set(["collections", "categories"]) })).toEqual(["categories", "collections"])
  })
})
