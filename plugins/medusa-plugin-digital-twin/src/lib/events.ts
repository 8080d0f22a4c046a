// Events this plugin emits that other packages subscribe to or render. Kept apart from the
// services so that importing the plugin's index (the server does, to validate its settings
// at start) loads no Medusa entity before Medusa has read its feature flags.
export const WALLET_LINKED = "customer.wallet_linked"
export const WALLET_UNLINKED = "customer.wallet_unlinked"
export const CLAIM_CODE_EMAIL_EVENT = "digital_twin.claim_code"
