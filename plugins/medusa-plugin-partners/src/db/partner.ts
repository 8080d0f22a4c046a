// The partner table's reads and writes that go around its TypeORM entity (models/partner.ts,
// its one description): the webhook worker's and feed sync's.
import { execute, selectRow, selectRows, type SqlRunner } from "@pva/medusa-kit"
import type { StoredWebhookSecret } from "../lib/webhook-secrets"

/** SQL condition on `partner` (optionally aliased): who may be sent an order's customer data. */
export function receivesCustomerData(alias = ""): string {
  const col = alias ? `${alias}.` : ""
  return `${col}status = 'approved' AND ${col}is_active`
}

/** Where and how a delivery to the partner is sent, and whether it may be sent at all. */
export function webhookTargetOf(
  db: SqlRunner,
  partnerId: string
): Promise<{ webhook_url: string | null; webhook_secrets: StoredWebhookSecret[]; may_receive: boolean } | null> {
  return selectRow(db, `SELECT webhook_url, webhook_secrets, (${receivesCustomerData()}) AS may_receive FROM partner WHERE id = $1`, [partnerId])
}

/** Of these partners, those that receive order webhooks. */
export async function webhookReceivers(db: SqlRunner, partnerIds: string[]): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(db, `SELECT id FROM partner WHERE id = ANY($1) AND ${receivesCustomerData()} AND webhook_url IS NOT NULL`, [
    partnerIds,
  ])
  return rows.map((r) => r.id)
}

/** Stops sending to the partner's endpoint until an admin re-enables it. */
export async function disableWebhook(db: SqlRunner, partnerId: string, reason: string): Promise<void> {
  await execute(db, `UPDATE partner SET webhook_disabled_at = now(), webhook_disabled_reason = $2, updated_at = now() WHERE id = $1`, [partnerId, reason])
}

/** Active partners with an inventory feed, by name. */
export async function partnersWithFeeds(db: SqlRunner): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(db, `SELECT id FROM partner WHERE is_active AND inventory_feed_url IS NOT NULL ORDER BY name`)
  return rows.map((r) => r.id)
}

export function feedOf(db: SqlRunner, partnerId: string): Promise<{ id: string; inventory_feed_url: string | null } | null> {
  return selectRow(db, `SELECT id, inventory_feed_url FROM partner WHERE id = $1`, [partnerId])
}

export type PublicPartner = { handle: string; name: string }

/** The approved, active partner with this handle, as the storefront may name it. */
export function approvedPartnerByHandle(db: SqlRunner, handle: string): Promise<PublicPartner | null> {
  return selectRow(db, `SELECT handle, name FROM partner WHERE handle = $1 AND ${receivesCustomerData()} LIMIT 1`, [handle])
}

/** Of these handles, the approved, active partners, as the storefront may name them. */
export function approvedPartnersByHandles(db: SqlRunner, handles: string[]): Promise<PublicPartner[]> {
  return selectRows(db, `SELECT handle, name FROM partner WHERE handle = ANY($1::text[]) AND ${receivesCustomerData()}`, [handles])
}
