// What the server imports from the plugin: its settings (validated at start), the stock-alert
// events and their emails (which the server's provider sends), and the seed. Nothing here loads
// Medusa or an entity: the server reads these before Medusa starts. The order service the
// server's own extends is its own entry, @pva/medusa-plugin-partners/order-service.
export {
  resolvePartnerSettings,
  PartnerSettingsError,
  DEFAULT_RETRY_SCHEDULE_SECONDS,
  type PartnerSettings,
  type PartnersPluginOptions,
} from "./lib/settings"
export { LOW_STOCK_EVENT, REORDER_REQUEST_EVENT, type LowStockEventData } from "./lib/stock-alerts"
export { partnerEmails, lowStockAlert, reorderRequest } from "./lib/stock-emails"
export { SEED_PARTNERS, seedPartners } from "./seed/partners"
export { webhookDeliveryHealth, type WebhookHealth, type WebhookHealthDay } from "./read/webhook-health"
// Read functions other plugins use instead of reading the partner table themselves.
export { approvedPartnerByHandle, approvedPartnersByHandles, type PublicPartner } from "./db/partner"
