/**
 * The events PVA plugins send each other and the notification provider, with their payloads.
 * Publishers and subscribers import the name from here, so a renamed event breaks the build
 * instead of silently never arriving. This module imports nothing: the server reads it (through
 * the digital-twin plugin's index) while loading its settings, before Medusa has read its
 * feature flags, and it is also served as `@pva/medusa-kit/events` for that reason.
 */

/** Chain sync: a log reached the confirmation depth (emitted again after a reorg restores it). */
export const CHAIN_LOG_CONFIRMED = "chain.log.confirmed"
/** Chain sync: a confirmed log was orphaned by a reorg; consumers undo what it did. */
export const CHAIN_LOG_REMOVED = "chain.log.removed"

/** Digital twin: a customer proved a wallet by signature. */
export const WALLET_LINKED = "customer.wallet_linked"
/** Digital twin: a customer removed a linked wallet. */
export const WALLET_UNLINKED = "customer.wallet_unlinked"
/** Digital twin: a twin's claim code, sent by email to the buyer. */
export const TWIN_CLAIM_CODE_EMAIL = "digital_twin.claim_code"
/** Digital twin: what a refund did to an order's twins, sent by email to the buyer. */
export const TWIN_REFUNDED_EMAIL = "digital_twin.refunded"

/** Partners: a variant fell to or below its product's reorder point. */
export const LOW_STOCK = "pva.stock.low"
/** Partners: the same crossing, for a product whose partner has a contact email. */
export const REORDER_REQUESTED = "pva.partner.reorder_requested"

/** Payments: an order's payment could not be captured automatically; staff must look. */
export const CAPTURE_ATTENTION = "pva.payment.capture_attention"

/** One chain_log row as chain sync announces it. */
export interface ChainLogEvent {
  /** `${chain_id}:${block_hash}:${log_index}`: stable across redeliveries, for consumers that dedupe. */
  id: string
  chain_id: number
  contract_address: string
  contract_name: string
  event_name: string
  args: Record<string, unknown>
  block_number: number
  block_hash: string
  log_index: number
  transaction_hash: string
  transaction_index: number
}

export interface WalletLinkEvent {
  customer_id: string
  /** Checksummed address. */
  address: string
}

export interface TwinClaimCodeEmailData {
  id: string
  customer_id: string | null
  email: string
  title: string
  token_id: string
  tag_id: string
  claim_url: string
  code: string
}

/** What a refund did to one twin: void (never claimed, never minted) or kept by its holder. */
export type RefundedTwin = { token_id: string; tag_id: string; title: string; outcome: "voided" | "kept" }
export type TwinRefundEmailData = { id: string; customer_id: string | null; email: string; pva_number: string | null; twins: RefundedTwin[] }

export type LowStockEventData = {
  id: string // variant id
  sku: string | null
  product_id: string
  product_title: string
  variant_title: string
  quantity: number
  reorder_point: number
  partner: { id: string; name: string; contact_email: string | null } | null
}

export interface CaptureAttentionEventData {
  /** The order id. */
  id: string
  reason: string
}

/** One market event of a twin, as the marketplace's read model answers it and a twin's provenance shows it. */
export type TwinMarketEvent = {
  kind: "listed" | "sold" | "auction_settled"
  listing_id: string | null
  offer_id: string | null
  listing_kind: string | null
  price: string
  seller: string | null
  buyer: string | null
  royalty: { receiver: string; amount: string } | null
  tx_hash: string
  block_number: number
  occurred_at: string
}

/** What the digital-twin plugin asks of the marketplace plugin (which builds after it) by service name. */
export type TwinMarketHistory = { twinMarketHistory(tokenId: string): Promise<TwinMarketEvent[]> }

/** Every event above with its payload, for typed emit helpers. */
export interface PvaEvents {
  [CHAIN_LOG_CONFIRMED]: ChainLogEvent
  [CHAIN_LOG_REMOVED]: ChainLogEvent
  [WALLET_LINKED]: WalletLinkEvent
  [WALLET_UNLINKED]: WalletLinkEvent
  [TWIN_CLAIM_CODE_EMAIL]: TwinClaimCodeEmailData
  [TWIN_REFUNDED_EMAIL]: TwinRefundEmailData
  [LOW_STOCK]: LowStockEventData
  [REORDER_REQUESTED]: LowStockEventData
  [CAPTURE_ATTENTION]: CaptureAttentionEventData
}
export type PvaEventName = keyof PvaEvents
