// The marketplace as the store API serves it (the marketplace plugin's read model of PVAMarket).
// Amounts are wei as decimal strings (they overflow a JS number), times are ISO strings.

export type ListingKind = "fixed" | "english" | "dutch"
export type AssetType = "twin" | "shares"

export type MarketConfig = {
  chain_id: number
  market_address: string
  twin_address: string
  shares_address: string
  /** null when the server could not read it from the chain */
  fee_bps: number | null
  paused: boolean
}

export type MarketAsset = {
  type: AssetType
  contract: string
  token_id: string
  quantity: string
  artifact: { handle: string; title: string; thumbnail: string | null } | null
}

export type Listing = {
  id: string
  kind: ListingKind
  asset: MarketAsset
  seller: string
  price: string | null
  reserve_price: string | null
  start_price: string | null
  floor_price: string | null
  starts_at: string | null
  ends_at: string | null
  /** "active", "ended" (an English auction past its end, waiting to be settled), "sold", "cancelled", "invalid" */
  status: string
  highest_bid: { bidder: string; amount: string } | null
  bid_count: number
  created_at: string
}

export type Bid = { bidder: string; amount: string; placed_at: string; tx_hash: string | null }

export type ListingDetail = Listing & {
  bids: Bid[]
  time_left_seconds: number | null
  current_price: string | null
  min_next_bid: string | null
  royalty: { receiver: string; bps: number } | null
  fee_bps: number | null
}

export type ListingPage = { listings: Listing[]; count: number; limit: number; offset: number }

export type MarketActivity = {
  type: string
  listing_id: string | null
  offer_id: string | null
  contract: string
  token_id: string
  quantity: string
  price: string | null
  from: string | null
  to: string | null
  royalty_amount: string | null
  fee_amount: string | null
  tx_hash: string | null
  block_number: number | null
  at: string
}

export type MarketOffer = {
  id: string
  contract: string
  token_id: string
  quantity: string
  bidder: string
  amount: string
  expires_at: string
  status: string
}
