/** Marks refunds the store asked Stripe for, so a `charge.refunded` webhook records only refunds made elsewhere (Stripe's dashboard). */
export const STORE_REFUND_METADATA = { origin: "pva-store" } as const

/** The order metadata key holding an open card dispute, for Admin's order page and anything that holds fulfilment. */
export const DISPUTE_METADATA_KEY = "stripe_dispute"
