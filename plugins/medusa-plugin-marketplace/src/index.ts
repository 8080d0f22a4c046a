// What other packages import from the plugin. Nothing here may load Medusa or an entity: the
// server imports it while reading its settings.
export * from "./lib/events"
export { renderMarketEmail, type RenderedMarketEmail } from "./lib/emails"
export type { MarketplacePluginOptions } from "./lib/settings"
export type { WalletReturns, TokenReturns } from "./lib/returns"
export type { default as MarketReadService } from "./services/market-read"
export type { TwinMarketEvent } from "@pva/medusa-kit/events"
export { dutchPriceAt, minimumNextBid } from "./lib/pricing"
