import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { reconcileStockAlerts } from "../lib/stock-alerts"

/**
 * Stock changed outside an order or a feed sync (an admin edit, a return):
 * re-check the reorder point. Orders and syncs already check inside their own
 * transactions; the stock_alert row makes a second check here a no-op.
 */
export default async function checkReorderPoint({ data, container }: SubscriberArgs<{ id: string }>) {
  if (!data?.id) return
  const manager = container.resolve("manager")
  const eventBus = container.resolve("eventBusService")
  await manager.transaction((m: any) => reconcileStockAlerts(m, eventBus, [data.id]))
}

export const config: SubscriberConfig = {
  event: "product-variant.updated",
  context: { subscriberId: "pva-reorder-point" },
}
