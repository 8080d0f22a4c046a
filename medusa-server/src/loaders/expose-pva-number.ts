/**
 * Medusa's order routes select a fixed list of columns; the PVA number joins
 * those lists so store and admin order responses carry it.
 */
export default async function exposePvaNumber(): Promise<void> {
  const store = require("@medusajs/medusa/dist/api/routes/store/orders")
  const admin = require("@medusajs/medusa/dist/types/orders")
  const lists: string[][] = [
    store.defaultStoreOrdersFields,
    store.allowedStoreOrdersFields,
    admin.defaultAdminOrdersFields,
  ]
  for (const list of lists) {
    if (Array.isArray(list) && !list.includes("pva_number")) list.push("pva_number")
  }
}
