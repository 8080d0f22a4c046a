import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const TWIN_STATUSES = ["issued", "bound", "submitted", "minted"] as const
export type TwinStatus = (typeof TWIN_STATUSES)[number]

/** A twin of one sold unit (or a seed piece): its content, its claim and its mirror of the chain. */
export const digitalTwinTable = defineTable("digital_twin", {
  id: pg.text,
  token_id: pg.int8,
  tag_id: pg.text,
  product_id: pg.text.orNull,
  variant_id: pg.text.orNull,
  order_id: pg.text.orNull,
  line_item_id: pg.text.orNull,
  unit_index: pg.int4,
  customer_id: pg.text.orNull,
  title: pg.text,
  metadata_cid: pg.text,
  metadata_digest: pg.textOf<`0x${string}`>(),
  image_cid: pg.text,
  status: pg.textOf<TwinStatus>(),
  claim_wallet: pg.text.orNull,
  owner_address: pg.text.orNull,
  voucher_deadline: pg.int8.orNull,
  voucher_signature: pg.text.orNull,
  relay_tx_hash: pg.text.orNull,
  mint_tx_hash: pg.text.orNull,
  mint_block: pg.int8.orNull,
  pinned_at: pg.timestamptz.orNull,
  created_at: pg.timestamptz,
  updated_at: pg.timestamptz,
  refunded_at: pg.timestamptz.orNull,
})

export type TwinRow = RowOf<typeof digitalTwinTable>

const COLUMNS = digitalTwinTable.select
const twinColumns = (alias: string) =>
  Object.keys(digitalTwinTable.columns)
    .map((c) => `${alias}."${c}"`)
    .join(", ")

/** The next token id; a twin takes it before its content is made, as its tag id names it. */
export async function nextTokenId(db: SqlRunner): Promise<string> {
  const row = await selectRow<{ token_id: string }>(db, `SELECT nextval('digital_twin_token_id_seq')::text AS token_id`)
  return row!.token_id
}

export type NewTwin = Pick<
  TwinRow,
  "id" | "token_id" | "tag_id" | "product_id" | "variant_id" | "order_id" | "line_item_id" | "unit_index" | "customer_id" | "title" | "metadata_cid" | "metadata_digest" | "image_cid"
>

export async function insertTwin(db: SqlRunner, twin: NewTwin): Promise<TwinRow> {
  const row = await selectRow<TwinRow>(
    db,
    `INSERT INTO digital_twin (id, token_id, tag_id, product_id, variant_id, order_id, line_item_id, unit_index, customer_id, title,
                               metadata_cid, metadata_digest, image_cid)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [
      twin.id,
      twin.token_id,
      twin.tag_id,
      twin.product_id,
      twin.variant_id,
      twin.order_id,
      twin.line_item_id,
      twin.unit_index,
      twin.customer_id,
      twin.title,
      twin.metadata_cid,
      twin.metadata_digest,
      twin.image_cid,
    ]
  )
  return row!
}

export function twinById(db: SqlRunner, id: string): Promise<TwinRow | null> {
  return selectRow<TwinRow>(db, `SELECT ${COLUMNS} FROM digital_twin WHERE id = $1`, [id])
}

export function twinByTokenId(db: SqlRunner, tokenId: string): Promise<TwinRow | null> {
  return selectRow<TwinRow>(db, `SELECT ${COLUMNS} FROM digital_twin WHERE token_id = $1`, [tokenId])
}

/** The twin's id, its row locked until the transaction ends (chain logs about it apply one at a time). */
export async function lockTwinByTokenId(db: SqlRunner, tokenId: string): Promise<string | null> {
  const row = await selectRow<{ id: string }>(db, `SELECT id FROM digital_twin WHERE token_id = $1 FOR UPDATE`, [tokenId])
  return row?.id ?? null
}

/** Whether the unit of the line item already has its twin (a re-delivered order event). */
export async function unitHasTwin(db: SqlRunner, lineItemId: string, unitIndex: number): Promise<boolean> {
  return Boolean(await selectRow(db, `SELECT id FROM digital_twin WHERE line_item_id = $1 AND unit_index = $2`, [lineItemId, unitIndex]))
}

export async function listTwins(
  db: SqlRunner,
  opts: { limit: number; offset: number; status?: string; customerId?: string }
): Promise<{ twins: TwinRow[]; count: number }> {
  const where: string[] = []
  const params: unknown[] = []
  if (opts.status) {
    params.push(opts.status)
    where.push(`status = $${params.length}`)
  }
  if (opts.customerId) {
    params.push(opts.customerId)
    where.push(`customer_id = $${params.length}`)
  }
  const filter = where.length ? `WHERE ${where.join(" AND ")}` : ""
  const twins = await selectRows<TwinRow>(
    db,
    `SELECT ${COLUMNS} FROM digital_twin ${filter} ORDER BY digital_twin.token_id LIMIT ${Number(opts.limit)} OFFSET ${Number(opts.offset)}`,
    params
  )
  const counted = await selectRow<{ count: number }>(db, `SELECT count(*)::int AS count FROM digital_twin ${filter}`, params)
  return { twins, count: counted?.count ?? 0 }
}

export async function countTwinsOfCustomer(db: SqlRunner, customerId: string): Promise<number> {
  const row = await selectRow<{ count: number }>(db, `SELECT count(*)::int AS count FROM digital_twin WHERE customer_id = $1`, [customerId])
  return row?.count ?? 0
}

/** The order's twins that never had a claim code, by token. */
export async function uncodedTwinIdsOfOrder(db: SqlRunner, orderId: string): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    `SELECT t.id FROM digital_twin t
      WHERE t.order_id = $1 AND NOT EXISTS (SELECT 1 FROM digital_twin_claim_code k WHERE k.twin_id = t.id) ORDER BY t.token_id`,
    [orderId]
  )
  return rows.map((r) => r.id)
}

export type TwinForCode = TwinRow & { order_email: string | null; order_payment_status: string | null; customer_email: string | null }

/** The twin with whom its claim code goes to, locked while a new code replaces the old one. */
export function lockTwinForCode(db: SqlRunner, twinId: string): Promise<TwinForCode | null> {
  return selectRow<TwinForCode>(
    db,
    `SELECT ${twinColumns("t")}, o.email AS order_email, o.payment_status AS order_payment_status, c.email AS customer_email
       FROM digital_twin t LEFT JOIN "order" o ON o.id = t.order_id LEFT JOIN customer c ON c.id = t.customer_id
      WHERE t.id = $1 FOR UPDATE OF t`,
    [twinId]
  )
}

/** The order's twins not yet settled by a cancel or refund, locked, by token. */
export function lockUnrefundedTwinsOfOrder(db: SqlRunner, orderId: string): Promise<Array<Pick<TwinRow, "id" | "token_id" | "tag_id" | "title" | "status">>> {
  return selectRows(
    db,
    `SELECT id, token_id, tag_id, title, status FROM digital_twin
      WHERE order_id = $1 AND refunded_at IS NULL ORDER BY token_id FOR UPDATE`,
    [orderId]
  )
}

export async function markRefunded(db: SqlRunner, twinId: string): Promise<void> {
  await execute(db, `UPDATE digital_twin SET refunded_at = now(), updated_at = now() WHERE id = $1`, [twinId])
}

export async function markPinned(db: SqlRunner, twinId: string): Promise<void> {
  await execute(db, `UPDATE digital_twin SET pinned_at = now() WHERE id = $1`, [twinId])
}

/** Binds the twin to the wallet unless another wallet (or customer) has it; null when one has. */
export function bindClaimWallet(db: SqlRunner, twinId: string, wallet: string, customerId: string): Promise<TwinRow | null> {
  return selectRow<TwinRow>(
    db,
    `UPDATE digital_twin
        SET claim_wallet = $2, customer_id = $3, status = CASE WHEN status = 'issued' THEN 'bound' ELSE status END, updated_at = now()
      WHERE id = $1 AND (claim_wallet IS NULL OR (claim_wallet = $2 AND customer_id = $3))
      RETURNING ${COLUMNS}`,
    [twinId, wallet, customerId]
  )
}

/** Stores a new voucher unless a concurrent request stored a live one first (then null). */
export function storeVoucher(
  db: SqlRunner,
  twin: { id: string; claimWallet: string | null; deadline: string; signature: string; liveAfter: number }
): Promise<TwinRow | null> {
  return selectRow<TwinRow>(
    db,
    `UPDATE digital_twin SET voucher_deadline = $2, voucher_signature = $3,
            status = CASE WHEN status = 'submitted' THEN 'bound' ELSE status END, relay_tx_hash = NULL, updated_at = now()
      WHERE id = $1 AND status <> 'minted' AND claim_wallet = $4 AND (voucher_deadline IS NULL OR voucher_deadline <= $5)
      RETURNING ${COLUMNS}`,
    [twin.id, twin.deadline, twin.signature, twin.claimWallet, twin.liveAfter]
  )
}

/** bound → submitted for exactly one caller holding this voucher; null for the others. */
export function markSubmitted(db: SqlRunner, twinId: string, voucherSignature: string | null): Promise<TwinRow | null> {
  return selectRow<TwinRow>(
    db,
    `UPDATE digital_twin SET status = 'submitted', updated_at = now() WHERE id = $1 AND status = 'bound' AND voucher_signature = $2
      RETURNING ${COLUMNS}`,
    [twinId, voucherSignature]
  )
}

export async function setRelayTx(db: SqlRunner, twinId: string, txHash: string): Promise<void> {
  await execute(db, `UPDATE digital_twin SET relay_tx_hash = $2 WHERE id = $1`, [twinId, txHash])
}

/** A relay the chain refused: the twin is bound again, to be claimed anew. */
export async function unsubmit(db: SqlRunner, twinId: string): Promise<void> {
  await execute(db, `UPDATE digital_twin SET status = 'bound' WHERE id = $1 AND status = 'submitted'`, [twinId])
}

/** The seed's custodial mint: the dev start (dev-chain reconcile) mints it to the wallet. */
export async function submitForCustodialMint(db: SqlRunner, twinId: string, wallet: string): Promise<void> {
  await execute(db, `UPDATE digital_twin SET claim_wallet = $2, status = 'submitted' WHERE id = $1`, [twinId, wallet])
}

export async function setMinted(db: SqlRunner, twinId: string, mint: { owner: string | null; txHash: string | null; block: string | null }): Promise<void> {
  await execute(
    db,
    `UPDATE digital_twin SET status = 'minted', owner_address = $2, mint_tx_hash = $3, mint_block = $4, updated_at = now() WHERE id = $1`,
    [twinId, mint.owner, mint.txHash, mint.block]
  )
}

/** The mint is gone with its block: the twin is claimable again by the wallet it was bound to. */
export async function clearMint(db: SqlRunner, twinId: string): Promise<void> {
  await execute(
    db,
    `UPDATE digital_twin SET status = CASE WHEN claim_wallet IS NULL THEN 'issued' ELSE 'bound' END,
            owner_address = NULL, mint_tx_hash = NULL, mint_block = NULL, relay_tx_hash = NULL, updated_at = now()
      WHERE id = $1`,
    [twinId]
  )
}

/**
 * A new local chain forgot every mint: minted twins wait to be minted again to their last
 * owner, and relays the old chain took are gone with it.
 */
export async function forgetChainState(db: SqlRunner): Promise<void> {
  await execute(
    db,
    `UPDATE digital_twin SET status = 'submitted', relay_tx_hash = NULL, mint_tx_hash = NULL, mint_block = NULL,
            owner_address = COALESCE(owner_address, claim_wallet), voucher_signature = NULL, voucher_deadline = NULL
      WHERE status = 'minted'`
  )
  await execute(db, `UPDATE digital_twin SET status = 'bound', relay_tx_hash = NULL WHERE status = 'submitted' AND voucher_signature IS NOT NULL`)
}

/** Custodial mints the store is waiting for, with the wallet each goes to. */
export function awaitingCustodialMint(db: SqlRunner): Promise<Array<Pick<TwinRow, "id" | "token_id" | "metadata_digest"> & { target: string }>> {
  return selectRows(
    db,
    `SELECT id, token_id, metadata_digest, COALESCE(owner_address, claim_wallet) AS target
       FROM digital_twin WHERE status = 'submitted' AND voucher_signature IS NULL AND relay_tx_hash IS NULL
        AND COALESCE(owner_address, claim_wallet) IS NOT NULL ORDER BY token_id`
  )
}
