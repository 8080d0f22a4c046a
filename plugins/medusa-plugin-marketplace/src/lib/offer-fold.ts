// An offer's state and sale, recomputed from its logs in chain order (see listing-fold.ts).
import { addressArg, timeArg, uintArg, type MarketLog } from "./market-log"
import { applyPayout, type FoldedSale } from "./listing-fold"

export type StoredOfferStatus = "open" | "accepted" | "withdrawn"

export type FoldedOffer = {
  token_address: string
  token_id: string
  quantity: string
  bidder: string
  amount: string
  expires_at: Date
  status: StoredOfferStatus
  /** Who accepted it (the holder who sold). */
  seller: string | null
  created_at: Date
}

export function foldOffer(logs: MarketLog[]): { offer: FoldedOffer | null; sales: FoldedSale[] } {
  const ordered = [...logs].sort((a, b) => a.block_number - b.block_number || a.log_index - b.log_index)
  let offer: FoldedOffer | null = null
  const sales: FoldedSale[] = []
  for (const log of ordered) {
    const a = log.args
    if (log.event_name === "OfferMade") {
      offer = {
        token_address: addressArg(a, "token"),
        token_id: uintArg(a, "tokenId"),
        quantity: uintArg(a, "quantity"),
        bidder: addressArg(a, "bidder"),
        amount: uintArg(a, "amount"),
        expires_at: timeArg(a, "expiresAt"),
        status: "open",
        seller: null,
        created_at: log.occurred_at,
      }
      continue
    }
    if (!offer) continue
    if (log.event_name === "OfferWithdrawn") offer.status = "withdrawn"
    if (log.event_name === "OfferAccepted") {
      offer.status = "accepted"
      offer.seller = addressArg(a, "seller")
      sales.push({
        id: log.id,
        buyer: offer.bidder,
        seller: offer.seller,
        quantity: offer.quantity,
        price: uintArg(a, "amount"),
        royalty_receiver: null,
        royalty_amount: "0",
        fee_amount: "0",
        tx_hash: log.tx_hash,
        block_number: log.block_number,
        log_index: log.log_index,
        occurred_at: log.occurred_at,
      })
    }
    if (log.event_name === "RoyaltyPaid" || log.event_name === "FeePaid") applyPayout(sales, log)
  }
  return { offer, sales }
}
