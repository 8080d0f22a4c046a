import { entityTable } from "@pva/medusa-kit"
import { Partner } from "../models/partner"
import { partnerFeedSyncTable } from "./partner-feed-sync"
import { stockAlertTable } from "./stock-alert"
import { webhookAttemptTable, webhookDeliveryTable } from "./webhook-delivery"

/**
 * The partner tables: those described in src/db, and `partner`, whose one description is its
 * TypeORM entity. (scheduled_job_run belongs to the job scheduling, which is moving to a shared
 * scheduler; product.partner_id and product.reorder_point are columns on Medusa's own table.)
 */
export const PARTNER_TABLES = [entityTable(Partner), webhookDeliveryTable, webhookAttemptTable, stockAlertTable, partnerFeedSyncTable]
