/** What the server passes the plugin (medusa-config). */
export type SalesDashboardPluginOptions = {
  /** Redis shared by every server process (REDIS_URL), so the product-view limit is counted once. */
  redisUrl?: string
  /** Product views one client may record per minute (default 120); more answer 429. */
  productViewsPerMinute?: number
  /** Medusa Admin shows the dashboard page. */
  enableUI?: boolean
}

export const DEFAULT_PRODUCT_VIEWS_PER_MINUTE = 120
