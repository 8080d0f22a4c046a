// The email a buyer gets when their order's twins are refunded: its event name and data,
// rendered by the server's notification provider.
export const TWIN_REFUNDED_EMAIL_EVENT = "digital_twin.refunded"

/** What a refund did to one twin: void (never claimed, never minted) or kept by its holder. */
export type RefundedTwin = { token_id: string; tag_id: string; title: string; outcome: "voided" | "kept" }
export type TwinRefundEmailData = { id: string; customer_id: string | null; email: string; pva_number: string | null; twins: RefundedTwin[] }
