import { unstable_cache } from "next/cache"
import { createMedusaClient, storefrontConfig } from "@pva/storefront-core"
import type { ListingDetail, ListingPage, MarketActivity, MarketConfig, MarketOffer } from "./types"

// The market as every visitor sees it, fetched without a session (no customer data can reach
// cached HTML). The listing grid is cached for two seconds across visitors: bids and sales move
// faster than other pages' data, and the listing page (fresh on every request) is where they count.
const client = () => createMedusaClient(storefrontConfig())
const SCOPE = [storefrontConfig().baseUrl, storefrontConfig().publishableKey]

async function get<T>(path: string): Promise<T> {
  return (await client().client.request("GET", path)) as T
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null || !("response" in err)) return undefined
  const response = (err as { response?: { status?: unknown } }).response
  return typeof response?.status === "number" ? response.status : undefined
}

// Only the fields: medusa-js adds its whole HTTP response, which neither the cache nor a client component can take.
export const marketConfig = unstable_cache(
  async (): Promise<MarketConfig> => {
    const c = await get<MarketConfig>("/store/market/config")
    return { chain_id: c.chain_id, market_address: c.market_address, twin_address: c.twin_address, shares_address: c.shares_address, fee_bps: c.fee_bps, paused: c.paused }
  },
  ["market-config", ...SCOPE],
  { revalidate: 30 }
)

export const marketListings = unstable_cache(
  async (query: string) => {
    const page = await get<ListingPage>(`/store/market/listings?${query}`)
    return { listings: page.listings, count: page.count, limit: page.limit, offset: page.offset }
  },
  ["market-listings", ...SCOPE],
  { tags: ["market"], revalidate: 2 }
)

/** null when there is no such listing (or it was hidden by moderation). */
export async function marketListing(id: string): Promise<ListingDetail | null> {
  try {
    return (await get<{ listing: ListingDetail }>(`/store/market/listings/${encodeURIComponent(id)}`)).listing
  } catch (err) {
    const status = statusOf(err)
    if (status === 404 || status === 400) return null
    throw err
  }
}

export async function marketActivity(contract: string, tokenId: string): Promise<MarketActivity[]> {
  const q = new URLSearchParams({ contract, token_id: tokenId, limit: "50" })
  return (await get<{ activity: MarketActivity[] }>(`/store/market/activity?${q}`)).activity
}

export async function marketOffers(contract: string, tokenId: string): Promise<MarketOffer[]> {
  const q = new URLSearchParams({ contract, token_id: tokenId })
  return (await get<{ offers: MarketOffer[] }>(`/store/market/offers?${q}`)).offers
}
