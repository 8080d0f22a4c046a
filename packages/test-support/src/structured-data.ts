const isAbsoluteUrl = (u: unknown) => typeof u === "string" && /^https?:\/\/[^\s]+$/.test(u)

/** What every document checked here needs: schema.org's context, the expected type, a name and an absolute image. */
function namedImageProblems(doc: any, type: string): string[] {
  const problems: string[] = []
  if (doc?.["@context"] !== "https://schema.org") problems.push('@context must be "https://schema.org"')
  if (doc?.["@type"] !== type) problems.push(`@type must be "${type}"`)
  if (typeof doc?.name !== "string" || !doc.name.trim()) problems.push(`${type}.name is required`)
  const images = Array.isArray(doc?.image) ? doc.image : doc?.image ? [doc.image] : []
  if (!images.length || !images.every(isAbsoluteUrl)) problems.push(`${type}.image needs at least one absolute URL`)
  return problems
}

/**
 * The properties Google documents as required for a product page's structured data
 * (Product snippets and merchant listings): a Product needs `name`, `image` and an
 * `offers` Offer; an Offer needs `price` (a number, as text or number, above zero),
 * `priceCurrency` (ISO 4217) and `availability` (a schema.org ItemAvailability URL).
 * Answers what is missing or wrong; empty when the document passes.
 */
export function productStructuredDataProblems(doc: any): string[] {
  const problems = namedImageProblems(doc, "Product")
  const offers = Array.isArray(doc?.offers) ? doc.offers : doc?.offers ? [doc.offers] : []
  if (!offers.length) problems.push("Product.offers is required (or review / aggregateRating, which this shop does not have)")
  for (const offer of offers) {
    if (offer?.["@type"] !== "Offer") problems.push('offers["@type"] must be "Offer"')
    const price = Number(offer?.price)
    if (offer?.price === undefined || !Number.isFinite(price) || price <= 0) problems.push("Offer.price must be a number above zero")
    if (!/^[A-Z]{3}$/.test(offer?.priceCurrency ?? "")) problems.push("Offer.priceCurrency must be an ISO 4217 code")
    if (!/^https:\/\/schema\.org\/(InStock|OutOfStock|PreOrder|BackOrder|Discontinued|LimitedAvailability|SoldOut|OnlineOnly|InStoreOnly|PreSale)$/.test(offer?.availability ?? "")) {
      problems.push("Offer.availability must be a schema.org ItemAvailability URL")
    }
  }
  return problems
}


/**
 * A `VisualArtwork` as schema.org defines it and Google reads it as a creative work: `name`,
 * at least one absolute `image`, the page's absolute `url`, and, when given, each `creator`
 * a Person or Organization with a name. Answers what is missing or wrong; empty when it passes.
 */
export function visualArtworkStructuredDataProblems(doc: any): string[] {
  const problems = namedImageProblems(doc, "VisualArtwork")
  if (!isAbsoluteUrl(doc?.url)) problems.push("VisualArtwork.url must be the page's absolute URL")
  const creators = Array.isArray(doc?.creator) ? doc.creator : doc?.creator ? [doc.creator] : []
  for (const c of creators) {
    if (!["Person", "Organization"].includes(c?.["@type"])) problems.push('creator["@type"] must be "Person" or "Organization"')
    if (typeof c?.name !== "string" || !c.name.trim()) problems.push("creator.name is required")
  }
  return problems
}

const decodeHtml = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">")

/** What a crawler reads from a page's HTML: its canonical URL, Open Graph tags and JSON-LD documents. */
export function seoOf(html: string) {
  const tags = (name: string) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map((m) => m[0])
  const attr = (tag: string, a: string) => {
    const m = new RegExp(`\\s${a}="([^"]*)"`).exec(tag)
    return m ? decodeHtml(m[1]) : undefined
  }
  const canonical = tags("link").filter((t) => attr(t, "rel") === "canonical").map((t) => attr(t, "href"))
  const og: Record<string, string[]> = {}
  for (const t of tags("meta")) {
    const property = attr(t, "property")
    if (property?.startsWith("og:")) (og[property] ??= []).push(attr(t, "content") ?? "")
  }
  const scripts = [...html.matchAll(/(<script\b[^>]*type="application\/ld\+json"[^>]*>)([\s\S]*?)<\/script>/g)]
  const jsonLd = scripts.map((m) => JSON.parse(m[2]))
  const jsonLdNonces = scripts.map((m) => attr(m[1], "nonce"))
  return { canonical, og, jsonLd, jsonLdNonces }
}

/** The `<loc>`s of a sitemap or sitemap index. */
export const sitemapLocs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeHtml(m[1]))
