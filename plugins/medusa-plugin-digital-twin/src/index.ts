export { seedDigitalTwins, traitList, DEV_WALLET, type TwinPieceSeed } from "./seed/twins"
export { contentAddress } from "@pva/contracts"
export { metadataBytes, twinName, type Trait } from "./lib/metadata"
// What the server imports from the plugin. Nothing here may load Medusa or an entity: the
// server imports it while reading its settings, before Medusa has read its feature flags.
export { WALLET_LINKED, WALLET_UNLINKED, CLAIM_CODE_EMAIL_EVENT } from "./lib/events"
export type { CustomerWallet } from "./services/customer-wallet"
export type { default as CustomerWalletService } from "./services/customer-wallet"
export type { DigitalTwinPluginOptions } from "./lib/settings"
export { walletSessionHours, digitalTwinOptions, resolveSettings as resolveDigitalTwinSettings } from "./lib/settings"
export { TWIN_REFUNDED_EMAIL_EVENT, type RefundedTwin, type TwinRefundEmailData } from "./lib/twin-refund-email"
export { twinClaimsPerDay, type TwinClaimsDay } from "./read/twin-claims"
export { twinEmails, twinClaimCode, twinsRefunded } from "./lib/emails"
