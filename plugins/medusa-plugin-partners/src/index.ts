// What the server imports from the plugin: its settings (validated at start), the stock-alert
// events and their emails (which the server's provider sends), the seed, and the order service
// the server's own extends (the only export that loads Medusa, and with it Medusa's entities).
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
// The partner outbox and stock alerts written in the order's own transaction; medusa-server's OrderService extends it.
export { default as PartnersOrderService } from "./services/order"
