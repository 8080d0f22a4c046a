// ERC-721 metadata of a twin. Only the piece is described: never the buyer, the order or an address.
export type Trait = { trait_type: string; value: string | number }

export type TwinDescription = {
  title: string
  description?: string | null
  tagId: string
  tokenId: string
  traits: Trait[]
  imageCid: string
  orgUrl: string
}

export function twinName(title: string): string {
  return `Digital Twin: ${title}`
}

/** The exact bytes whose sha2-256 goes on chain: keys in a fixed order, no whitespace. */
export function metadataBytes(d: TwinDescription): Buffer {
  const body = {
    name: twinName(d.title),
    description:
      `${d.description ? `${d.description.trim()} ` : ""}Digital twin of the serialized PVA Bazaar piece with tag ${d.tagId}; ` +
      "it carries the piece's provenance.",
    image: `ipfs://${d.imageCid}`,
    external_url: `${d.orgUrl.replace(/\/+$/, "")}/artifacts/${d.tokenId}`,
    attributes: [...d.traits.map((t) => ({ trait_type: t.trait_type, value: t.value })), { trait_type: "Tag", value: d.tagId }],
  }
  return Buffer.from(JSON.stringify(body), "utf8")
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** A certificate-style SVG of the piece, content-addressed like the metadata. */
export function twinImageSvg(title: string, tagId: string, traits: Trait[]): Buffer {
  const lines = traits.slice(0, 6).map(
    (t, i) => `<text x="40" y="${250 + i * 34}" font-size="22" fill="#f8f9fa">${xml(t.trait_type)}: ${xml(String(t.value))}</text>`
  )
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f3b2d"/><stop offset="1" stop-color="#1c5a45"/></linearGradient></defs>
<rect width="600" height="600" fill="url(#g)"/>
<text x="40" y="80" font-family="Helvetica,Arial,sans-serif" font-size="20" fill="#4ef8a3">PVA Bazaar digital twin</text>
<text x="40" y="150" font-family="Helvetica,Arial,sans-serif" font-size="30" fill="#ffffff">${xml(title)}</text>
<g font-family="Helvetica,Arial,sans-serif">${lines.join("")}</g>
<text x="40" y="560" font-family="monospace" font-size="18" fill="#4ef8a3">${xml(tagId)}</text>
</svg>`
  return Buffer.from(svg, "utf8")
}

/** Traits as an admin gives them ({ Gemstone: "Emerald", Carat: 2.5 } or a list), cleaned. */
export function normalizeTraits(input: unknown): Trait[] {
  const entries: Array<[unknown, unknown]> = Array.isArray(input)
    ? input.map((t: any) => [t?.trait_type, t?.value])
    : input && typeof input === "object"
      ? Object.entries(input as Record<string, unknown>)
      : []
  const out: Trait[] = []
  for (const [key, value] of entries) {
    if (typeof key !== "string" || !key.trim() || key.length > 40) continue
    if (typeof value === "number" && Number.isFinite(value)) out.push({ trait_type: key.trim(), value })
    else if (typeof value === "string" && value.trim() && value.length <= 80) out.push({ trait_type: key.trim(), value: value.trim() })
  }
  return out.slice(0, 20)
}
