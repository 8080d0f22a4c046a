// The root entry loads no Medusa runtime code: the server reads its settings through it before
// Medusa starts, and Medusa applies its feature-flagged entity columns one tick after its models
// load, with whatever flags are set by then. PerCallService (which extends a Medusa class) is
// therefore its own entry, @pva/medusa-kit/service.
export { rowsOf, selectRows, selectRow, execute, type SqlRunner } from "./sql-rows"
export {
  runPeriodically,
  scheduleJob,
  scheduleInContainer,
  runsScheduledWork,
  jobLockOf,
  checkSchedule,
  slotOf,
  nextSlotAfter,
  msUntilNextRun,
  isApiOnlyProcess,
  type Schedule,
  type ScheduledTask,
  type ScheduledJob,
  type SchedulingContainer,
} from "./scheduler"
export { PostgresJobLock, RedisJobLock, type JobLock } from "./job-lock"
export { runClaimedFiring, medusaJobConfig, medusaJobHandler, scheduleWithoutRedis, type PluginJob } from "./plugin-job"
export { adminCors, onMethod, storeCors } from "./store-cors"
export {
  BoundedMemoryLimiter,
  RateLimiters,
  rateLimit,
  refuseOverLimit,
  clientIp,
  type LimitRule,
  type RateLimitersOptions,
} from "./rate-limit"
export { amendJsonResponse, type JsonAmendment } from "./json-response"
export { runCli, ProgressBar } from "./cli"
export { customerIdOf, requireCustomer } from "./request-customer"
export { withClient, holdClient, type CheckedOutClient, type ClientPool, type HeldClient } from "./pg-client"
export {
  CART_LINE_ROUTES_MATCHER,
  DEFAULT_MAX_QUANTITY_PER_LINE,
  cartLineChangeOf,
  cartLineRules,
  cartLinesOf,
  checkCartLines,
  isCartLineRoute,
  lineQuantityLimit,
  maxQuantityPerLine,
  onCartLineRoute,
  quantitiesByVariant,
  type CartLine,
  type CartLineChange,
  type CartLineRule,
} from "./cart-line-rules"
export * from "./events"
export { storefrontSalesChannels } from "./storefront-channels"
export { ConfigError, readConfig } from "./config"
export {
  defineTable,
  pg,
  tableDrift,
  type Column,
  type ColumnType,
  type Columns,
  type DatabaseColumn,
  type RowOf,
  type Table,
} from "./table"
export { entityTable, type EntityClass } from "./entity-table"
