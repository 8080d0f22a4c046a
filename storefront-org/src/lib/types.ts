export type TwinStatus = "issued" | "bound" | "submitted" | "minted"

export type Twin = {
  token_id: string
  tag_id: string
  name: string
  title: string
  product_id: string
  status: TwinStatus
  owner: string | null
  chain_id: number
  contract_address: string | null
  token_uri: string
  metadata_cid: string
  metadata_url: string
  image_cid: string
  image_url: string
  mint_tx_hash: string | null
  mint_block: number | null
  /** The piece's photo in the shop (its product's thumbnail); the twin detail route only, null without one. */
  product_thumbnail?: string | null
}

/** A twin as its buyer sees it in their account. */
export type OwnedTwin = Twin & {
  id: string
  claim_wallet: string | null
  voucher_deadline: number | null
  relay_tx_hash: string | null
  claimable: boolean
}

export type TwinMetadata = {
  name?: string
  description?: string
  image?: string
  attributes?: { trait_type: string; value: string | number }[]
}

export type ProvenanceEvent = {
  kind: "created" | "sold" | "claim_issued" | "minted" | "transferred" | "attested" | string
  occurred_at: string
  tx_hash: string | null
  block_number: number | null
  from?: string | null
  to?: string | null
  attestation_kind?: string
  statement?: string
  issuer?: string
  signature?: string
  /** Market events (market_listed, market_sold, auction_settled): the listing, its sale type and the price in wei. */
  listing_id?: string | null
  listing_kind?: string | null
  price?: string | null
  royalty?: { receiver: string; amount: string } | null
}

export type Offering = {
  id: string
  title: string
  status: "open" | "closed" | "sold_out" | string
  product_id: string | null
  variant_id: string | null
  artifact_product_id: string | null
  twin_token_id: string | null
  chain_offering_id: string | null
  prices: { usd: number; eur: number }
  total_shares: number
  sold: number
  remaining: number
  investor_cap: number | null
  your_cap: number | null
  lockup_until: string | null
  /** Before `lockup_until` the contract refuses transfers between holders (buying still works). */
  transfers_locked: boolean
}

export type KycStatus = "required" | "pending" | "approved" | "rejected"

export type Portfolio = {
  positions: {
    offering_id: string
    title: string
    price_per_share: { usd: number; eur: number }
    confirmed_shares: number
    pending_shares: number
    value: { usd: number; eur: number }
  }[]
  total_value: { usd: number; eur: number }
  /** What the collector's wallets paid and got on the market, in wei; null without a market. */
  market?: MarketReturns | null
}

export type MarketReturns = {
  cost_basis: string
  realized_return: string
  unrealized_return: string
  totalReturn: string
  /** percent, two decimals; null when nothing was bought on the market */
  returnPercentage: number | null
}
