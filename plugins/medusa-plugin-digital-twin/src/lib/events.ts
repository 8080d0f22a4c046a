// Events this plugin emits that other packages subscribe to or render; their names and payloads
// live in @pva/medusa-kit/events, which loads nothing: importing the plugin's index (the server
// does, to validate its settings at start) must load no Medusa entity before Medusa has read its
// feature flags.
export {
  WALLET_LINKED,
  WALLET_UNLINKED,
  TWIN_CLAIM_CODE_EMAIL as CLAIM_CODE_EMAIL_EVENT,
  TWIN_REFUNDED_EMAIL as TWIN_REFUNDED_EMAIL_EVENT,
  type WalletLinkEvent,
  type TwinClaimCodeEmailData,
  type RefundedTwin,
  type TwinRefundEmailData,
} from "@pva/medusa-kit/events"
