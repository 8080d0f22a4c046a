import { absoluteUrl, sitemapHandlers, siteUrl, visualArtworkJsonLd, type SitemapEntry } from "@pva/storefront-core"
import { artifactImages } from "./artifact-photo"
import { listOfferings, listTwins } from "./public-api"
import type { Twin, TwinMetadata } from "./types"

/** pvabazaar.org's public origin (NEXT_PUBLIC_SITE_URL; the dev server's address by default). */
export const orgUrl = () => siteUrl("http://localhost:8001")
export const orgPageUrl = (path: string) => absoluteUrl(orgUrl(), path)
export const artifactPath = (tokenId: string) => `/artifacts/${encodeURIComponent(tokenId)}`

/** The site's crawlable pages: home, the two listings, every artifact and every offering. */
export async function orgSitemapEntries(): Promise<SitemapEntry[]> {
  const [twins, offerings] = await Promise.all([listTwins(), listOfferings()])
  return [
    { url: orgPageUrl("/") },
    { url: orgPageUrl("/artifacts") },
    { url: orgPageUrl("/offerings") },
    ...twins.map((t) => ({ url: orgPageUrl(artifactPath(t.token_id)) })),
    ...offerings.map((o) => ({ url: orgPageUrl(`/offerings/${encodeURIComponent(o.id)}`) })),
  ]
}

// Traits a twin's metadata may name its maker by; the seed's pieces name none, and then no creator is claimed.
const CREATOR_TRAITS = ["Artist", "Artisan", "Maker", "Creator", "Partner"]
const trait = (metadata: TwinMetadata | null, names: string[]) => {
  const found = metadata?.attributes?.find((a) => names.includes(a.trait_type))
  return found ? String(found.value) : null
}

/** The artifact page's schema.org VisualArtwork: the piece, its image, its maker when known, its token. */
export function artifactJsonLd(twin: Twin, metadata: TwinMetadata | null) {
  return visualArtworkJsonLd({
    title: twin.title,
    url: orgPageUrl(artifactPath(twin.token_id)),
    images: artifactImages(twin),
    description: metadata?.description,
    creator: trait(metadata, CREATOR_TRAITS),
    medium: trait(metadata, ["Gemstone"]),
    identifier: `token ${twin.token_id}`,
  })
}

/** /sitemap.xml and the files of its index, past 50,000 URLs. */
export const orgSitemap = sitemapHandlers(orgUrl, orgSitemapEntries)
