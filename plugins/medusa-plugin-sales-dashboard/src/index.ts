// What the server imports from the plugin: its options' type. Nothing here loads Medusa.
export type { SalesDashboardPluginOptions } from "./lib/settings"
export { MAX_RANGE_DAYS } from "./lib/date-range"
