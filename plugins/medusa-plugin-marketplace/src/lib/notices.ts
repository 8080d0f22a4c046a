// Which emails a newly applied log calls for, and to which wallet. Pure: the sync service
// hands these to the email service once the log's effects are committed.
import {
  MARKET_AUCTION_WON_EMAIL,
  MARKET_ITEM_SOLD_EMAIL,
  MARKET_OFFER_RECEIVED_EMAIL,
  MARKET_OUTBID_EMAIL,
  type MarketEmailEvent,
} from "./events"

export type MarketNotice = {
  event: MarketEmailEvent
  /** Lower-case wallet whose customer is told. */
  wallet: string
  /** Sent once per key. */
  key: string
  listing_id: string | null
  offer_id: string | null
  asset: { type: "twin" | "shares"; token_id: string; quantity: string }
  amount: string
  ends_at: Date | null
}

export const outbid = (n: Omit<MarketNotice, "event" | "key">, bidLogTx: string): MarketNotice => ({
  ...n,
  event: MARKET_OUTBID_EMAIL,
  key: `outbid:${n.listing_id}:${n.wallet}:${bidLogTx}`,
})
export const auctionWon = (n: Omit<MarketNotice, "event" | "key">): MarketNotice => ({ ...n, event: MARKET_AUCTION_WON_EMAIL, key: `won:${n.listing_id}:${n.wallet}` })
export const itemSold = (n: Omit<MarketNotice, "event" | "key">, saleTx: string): MarketNotice => ({
  ...n,
  event: MARKET_ITEM_SOLD_EMAIL,
  key: `sold:${n.listing_id ?? `offer-${n.offer_id}`}:${n.wallet}:${saleTx}`,
})
export const offerReceived = (n: Omit<MarketNotice, "event" | "key">): MarketNotice => ({
  ...n,
  event: MARKET_OFFER_RECEIVED_EMAIL,
  key: `offer:${n.offer_id}:${n.wallet}`,
})
