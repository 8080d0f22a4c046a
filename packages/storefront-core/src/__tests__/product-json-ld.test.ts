import { productStructuredDataProblems } from "@pva/test-support/structured-data"
import { jsonLdScript, productJsonLd } from "../seo/product-json-ld"

const pendant = {
  title: "Amradjet Emerald Pendant",
  description: "A Zambian emerald on recycled gold.",
  images: ["https://api.pvabazaar.com/uploads/products/0b6c2f0e-8d1a-4c3e-9f51-2a7e5d4c3b21/original.jpg"],
  sku: "GEM-001",
  maker: "Lukuni Cooperative",
  amount: 62500,
  currencyCode: "usd",
  inStock: true,
}

describe("a product page's structured data", () => {
  it("is a schema.org Product with an Offer carrying price, currency and availability, as Google requires", () => {
    const doc = productJsonLd(pendant)
    expect(productStructuredDataProblems(doc)).toEqual([])
    expect(doc.offers).toEqual({ "@type": "Offer", price: "625.00", priceCurrency: "USD", availability: "https://schema.org/InStock" })
    expect(doc.brand).toEqual({ "@type": "Brand", name: "Lukuni Cooperative" })
    expect(productJsonLd({ ...pendant, inStock: false }).offers.availability).toBe("https://schema.org/OutOfStock")
  })

  it("the checker catches what Google would reject", () => {
    const doc = productJsonLd(pendant) as any
    expect(productStructuredDataProblems({ ...doc, offers: undefined })).toContain("Product.offers is required (or review / aggregateRating, which this shop does not have)")
    expect(productStructuredDataProblems({ ...doc, image: ["/relative.jpg"] })).toContain("Product.image needs at least one absolute URL")
    expect(productStructuredDataProblems({ ...doc, offers: { ...doc.offers, priceCurrency: "usd", price: "free" } })).toEqual([
      "Offer.price must be a number above zero",
      "Offer.priceCurrency must be an ISO 4217 code",
    ])
  })

  it("cannot be closed early by a product title", () => {
    const script = jsonLdScript(productJsonLd({ ...pendant, title: "</script><script>alert(1)</script>" }))
    expect(script).not.toContain("<")
    expect(JSON.parse(script).name).toBe("</script><script>alert(1)</script>")
  })
})
