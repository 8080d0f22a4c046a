import { visualArtworkStructuredDataProblems } from "@pva/test-support/structured-data"
import { visualArtworkJsonLd } from "../seo/artwork-json-ld"
import { cspNonce } from "../components/JsonLd"

const emerald = {
  title: "Amradjet Emerald",
  url: "https://pvabazaar.org/artifacts/1",
  images: ["https://api.pvabazaar.com/ipfs/bafkreiabc"],
  description: "A Zambian emerald, cut by the cooperative.",
  creator: "Lukuni Cooperative",
  identifier: "1",
}

describe("an artifact page's structured data", () => {
  it("is a schema.org VisualArtwork with name, image, url and its maker as creator", () => {
    const doc = visualArtworkJsonLd(emerald)
    expect(visualArtworkStructuredDataProblems(doc)).toEqual([])
    expect(doc).toMatchObject({ "@type": "VisualArtwork", name: "Amradjet Emerald", url: emerald.url, creator: [{ "@type": "Organization", name: "Lukuni Cooperative" }] })
  })

  it("leaves out a creator it does not know rather than inventing one", () => {
    const doc = visualArtworkJsonLd({ ...emerald, creator: null, description: null })
    expect(doc).not.toHaveProperty("creator")
    expect(doc).not.toHaveProperty("description")
    expect(visualArtworkStructuredDataProblems(doc)).toEqual([])
  })

  it("the checker catches a missing image, a relative url and a nameless creator", () => {
    const doc = visualArtworkJsonLd(emerald) as any
    expect(visualArtworkStructuredDataProblems({ ...doc, image: [] })).toEqual(["VisualArtwork.image needs at least one absolute URL"])
    expect(visualArtworkStructuredDataProblems({ ...doc, url: "/artifacts/1" })).toEqual(["VisualArtwork.url must be the page's absolute URL"])
    expect(visualArtworkStructuredDataProblems({ ...doc, creator: { "@type": "Person", name: "" } })).toEqual(["creator.name is required"])
    expect(visualArtworkStructuredDataProblems({ ...doc, "@type": "Product" })).toEqual(['@type must be "VisualArtwork"'])
  })
})

describe("a JSON-LD script's nonce", () => {
  it("is the one the page's Content-Security-Policy allows scripts by", () => {
    expect(cspNonce("default-src 'self'; script-src 'self' 'nonce-q1w2+e3/r4==' 'strict-dynamic'")).toBe("q1w2+e3/r4==")
    expect(cspNonce(null)).toBeUndefined()
    expect(cspNonce("script-src 'self'")).toBeUndefined()
  })
})
