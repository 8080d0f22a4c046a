// Every event name this plugin sends, with its payload: the contract between the market read
// model and the server's email provider. What it listens to (chain sync's logs) is named in
// @pva/medusa-kit/events. Importing this module loads no Medusa entity (the server imports the
// plugin's index while reading its settings).

/** The emails the market sends, through Medusa's notification service to the `pva-email` provider. */
export const MARKET_OUTBID_EMAIL = "market.outbid"
export const MARKET_AUCTION_WON_EMAIL = "market.auction_won"
export const MARKET_ITEM_SOLD_EMAIL = "market.item_sold"
export const MARKET_OFFER_RECEIVED_EMAIL = "market.offer_received"
export const MARKET_AUCTION_ENDING_SOON_EMAIL = "market.auction_ending_soon"

export const MARKET_EMAIL_EVENTS = [
  MARKET_OUTBID_EMAIL,
  MARKET_AUCTION_WON_EMAIL,
  MARKET_ITEM_SOLD_EMAIL,
  MARKET_OFFER_RECEIVED_EMAIL,
  MARKET_AUCTION_ENDING_SOON_EMAIL,
] as const
export type MarketEmailEvent = (typeof MARKET_EMAIL_EVENTS)[number]

/**
 * One market email. `id` is what Medusa's notification log and the email outbox file it under
 * (`listing:<id>` or `offer:<id>`); amounts are wei as decimal strings.
 */
export type MarketEmailData = {
  id: string
  to: string
  customer_id: string
  /** The wallet of the customer the email concerns. */
  wallet: string
  listing_id: string | null
  offer_id: string | null
  asset: { type: "twin" | "shares"; token_id: string; quantity: string }
  /** The amount the email is about: the new high bid, the winning bid, the sale price, the offer. */
  amount: string
  /** ISO time: when the auction ends (ending soon, outbid) or the offer expires. */
  ends_at: string | null
  /** Where the customer acts on it: the listing page, or the portfolio for an offer. */
  url: string
}
