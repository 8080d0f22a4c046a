import { unstable_cache } from "next/cache"
import { createMedusaClient, storefrontConfig } from "@pva/storefront-core"
import type { Offering, ProvenanceEvent, Twin, TwinMetadata } from "./types"

// What every visitor sees alike: twins, their provenance and open offerings. Cached for a few
// seconds across requests (a mint or a sale shows up quickly) and never fetched with a session,
// so no customer's data can end up in cached HTML.
const client = () => createMedusaClient(storefrontConfig())
const SCOPE = [storefrontConfig().baseUrl, storefrontConfig().publishableKey]
const FRESH_SECONDS = 10

async function get<T>(path: string): Promise<T> {
  return (await client().client.request("GET", path)) as T
}

/** null for a 404, so pages can answer with their own not-found page. */
async function getOrNull<T>(path: string): Promise<T | null> {
  try {
    return await get<T>(path)
  } catch (err: any) {
    const status = err?.response?.status
    if (status === 404 || status === 400) return null
    throw err
  }
}

export const listTwins = unstable_cache(
  async (status?: string): Promise<Twin[]> => {
    const twins: Twin[] = []
    for (let offset = 0; ; offset += 100) {
      const query = new URLSearchParams({ limit: "100", offset: String(offset), ...(status ? { status } : {}) })
      const page = await get<{ twins: Twin[]; count: number }>(`/store/twins?${query}`)
      twins.push(...page.twins)
      if (twins.length >= page.count || page.twins.length === 0) return twins
    }
  },
  ["twins", ...SCOPE],
  { tags: ["twins"], revalidate: FRESH_SECONDS }
)

export const twinByTokenId = unstable_cache(
  async (tokenId: string) => (await getOrNull<{ twin: Twin }>(`/store/twins/${encodeURIComponent(tokenId)}`))?.twin ?? null,
  ["twin", ...SCOPE],
  { tags: ["twins"], revalidate: FRESH_SECONDS }
)

export const provenanceOf = unstable_cache(
  async (tokenId: string) =>
    (await getOrNull<{ events: ProvenanceEvent[] }>(`/store/twins/${encodeURIComponent(tokenId)}/provenance`))?.events ?? [],
  ["provenance", ...SCOPE],
  { tags: ["twins"], revalidate: FRESH_SECONDS }
)

/** The bytes behind a CID, as the Medusa server's gateway serves them; content never changes. */
export const contentOf = unstable_cache(
  async (cid: string): Promise<{ base64: string; contentType: string } | null> => {
    const res = await fetch(`${storefrontConfig().baseUrl}/ipfs/${encodeURIComponent(cid)}`, { cache: "no-store" })
    if (!res.ok) return null
    return { base64: Buffer.from(await res.arrayBuffer()).toString("base64"), contentType: res.headers.get("content-type") ?? "" }
  },
  ["ipfs", ...SCOPE],
  { revalidate: 24 * 3600 }
)

export async function metadataOf(cid: string): Promise<TwinMetadata | null> {
  const content = await contentOf(cid)
  if (!content) return null
  try {
    return JSON.parse(Buffer.from(content.base64, "base64").toString("utf8"))
  } catch {
    return null
  }
}

/** Open, closed and sold-out offerings, without anyone's position (fetched with no session). */
export const listOfferings = unstable_cache(
  async () => (await get<{ offerings: Offering[] }>("/store/offerings")).offerings,
  ["offerings", ...SCOPE],
  { tags: ["offerings"], revalidate: FRESH_SECONDS }
)

export const offeringById = unstable_cache(
  async (id: string) => (await getOrNull<{ offering: Offering }>(`/store/offerings/${encodeURIComponent(id)}`))?.offering ?? null,
  ["offering", ...SCOPE],
  { tags: ["offerings"], revalidate: FRESH_SECONDS }
)
