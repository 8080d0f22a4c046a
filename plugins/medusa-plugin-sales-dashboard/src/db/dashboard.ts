// The dashboard's answer: every panel for a range and channel, read from the rollups (refreshed
// by the caller) and from the owning plugins' read functions. Used by the admin route's
// service and by the bench, so both measure the same reads.
import { quizResultsPerDay } from "@pva/medusa-plugin-archetype"
import { twinClaimsPerDay } from "@pva/medusa-plugin-digital-twin"
import { shareSalesPerDay } from "@pva/medusa-plugin-fractional"
import { webhookDeliveryHealth } from "@pva/medusa-plugin-partners"
import type { SqlRunner } from "@pva/medusa-kit"
import type { DashboardQuery } from "../lib/date-range"
import { minorUnits } from "../lib/money"
import { salesPanel } from "../lib/sales-totals"
import { productViewsInRange } from "./product-views"
import { cartsInRange, refreshedThrough, salesDays, topProducts } from "./sales-rollup"
import { salesChannels } from "./sales-channel"

/** Every panel for the query, read from the rollups (refresh them first) and the owners' read functions. */
export async function readDashboard(db: SqlRunner, query: DashboardQuery) {
  const range = { from: query.from, to: query.to }
  const channel = query.salesChannelId
  const [salesRows, top, carts, views, quiz, shares, claims, webhooks, channels, watermark] = await Promise.all([
    salesDays(db, range, channel),
    topProducts(db, range, channel),
    cartsInRange(db, range, channel),
    productViewsInRange(db, range),
    quizResultsPerDay(db, range.from, range.to),
    shareSalesPerDay(db, range.from, range.to),
    twinClaimsPerDay(db, range.from, range.to),
    webhookDeliveryHealth(db, range.from, range.to),
    salesChannels(db),
    refreshedThrough(db),
  ])
  const sales = salesPanel(salesRows)
  const orders = sales.totals.reduce((n, t) => n + t.orders + t.canceled, 0)
  const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((n, item) => n + pick(item), 0)
  return {
    range,
    sales_channel_id: channel,
    sales_channels: channels,
    sales,
    top_products: top.map((p) => ({
      product_id: p.product_id,
      title: p.title,
      units: p.units,
      revenue: p.revenue.map((r) => ({ currency_code: r.currency_code, amount: minorUnits(r.amount) })),
    })),
    funnel: {
      quiz_finished: sum(quiz, (d) => d.results),
      product_viewed: views,
      cart: carts,
      order: orders,
    },
    quiz_per_day: quiz,
    shares: { per_day: shares, totals: { shares: sum(shares, (d) => d.shares), orders: sum(shares, (d) => d.orders) } },
    twin_claims: { per_day: claims, totals: { claimed: sum(claims, (d) => d.claimed), minted: sum(claims, (d) => d.minted) } },
    webhooks,
    read_model: { refreshed_through: watermark },
  }
}
