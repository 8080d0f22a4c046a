// fractional_offering's counters and reads that go around its TypeORM entity (models/offering.ts,
// its one description). `sold + reserved <= total_shares` is a CHECK: shares are reserved in one
// guarded UPDATE, never read-then-write.
import { entityTable, execute, selectRow, selectRows, type SqlRunner } from "@pva/medusa-kit"
import { Offering } from "../models/offering"

export const offeringTable = entityTable(Offering)

/** The offering sold through this variant, if any. */
export function offeringOfVariant(db: SqlRunner, variantId: string): Promise<Offering | null> {
  return selectRow<Offering>(db, `SELECT ${offeringTable.select} FROM fractional_offering WHERE variant_id = $1`, [variantId])
}

/** Holds `quantity` shares of an open offering; false when it is not open or has fewer left. */
export async function reserveShares(db: SqlRunner, offeringId: string, quantity: number): Promise<boolean> {
  const updated = await execute(
    db,
    `UPDATE fractional_offering SET reserved = reserved + $2, updated_at = now()
      WHERE id = $1 AND status = 'open' AND sold + reserved + $2 <= total_shares
      RETURNING total_shares - sold - reserved AS remaining`,
    [offeringId, quantity]
  )
  return updated > 0
}

/** The offering's status and how many shares are neither sold nor reserved. */
export async function availabilityOf(db: SqlRunner, offeringId: string): Promise<{ status: Offering["status"]; remaining: number }> {
  const row = await selectRow<{ status: Offering["status"]; remaining: number }>(
    db,
    `SELECT status, total_shares - sold - reserved AS remaining FROM fractional_offering WHERE id = $1`,
    [offeringId]
  )
  return row!
}

/** Gives reserved shares back. */
export async function releaseShares(db: SqlRunner, offeringId: string, quantity: number): Promise<void> {
  await execute(db, `UPDATE fractional_offering SET reserved = reserved - $2, updated_at = now() WHERE id = $1`, [offeringId, quantity])
}

/**
 * Reserved shares become sold (a negative `delta` undoes that, for a mint a reorg took back);
 * the offering is sold out exactly while every share is sold.
 */
export async function settleSold(db: SqlRunner, offeringId: string, delta: number): Promise<void> {
  await execute(
    db,
    `UPDATE fractional_offering
        SET sold = sold + $2, reserved = reserved - $2, updated_at = now(),
            status = CASE WHEN sold + $2 = total_shares AND status = 'open' THEN 'sold_out'
                          WHEN sold + $2 < total_shares AND status = 'sold_out' THEN 'open'
                          ELSE status END
      WHERE id = $1`,
    [offeringId, delta]
  )
}

export async function chainOfferingIdOf(db: SqlRunner, offeringId: string): Promise<string | null> {
  const row = await selectRow<{ chain_offering_id: string | null }>(db, `SELECT chain_offering_id FROM fractional_offering WHERE id = $1`, [offeringId])
  return row?.chain_offering_id ?? null
}

/** Whether the cart holds a line of a share offering. */
export async function cartHasShareLines(db: SqlRunner, cartId: string): Promise<boolean> {
  const row = await selectRow(db, `SELECT 1 FROM line_item li JOIN fractional_offering o ON o.variant_id = li.variant_id WHERE li.cart_id = $1 LIMIT 1`, [
    cartId,
  ])
  return Boolean(row)
}

/** The offerings sold through any of these variants. */
export function offeringsOfVariants(db: SqlRunner, variantIds: string[]): Promise<Offering[]> {
  return selectRows<Offering>(db, `SELECT ${offeringTable.select} FROM fractional_offering WHERE variant_id = ANY($1)`, [variantIds])
}

/** The next PVAShares offering id: chosen by the issuer, never reused on a chain. */
export async function nextChainOfferingId(db: SqlRunner): Promise<string> {
  const row = await selectRow<{ id: string }>(db, `SELECT nextval('fractional_chain_offering_id_seq')::text AS id`)
  return row!.id
}

/** Closes an open offering; false when it was not open (it changed meanwhile). */
export async function closeOffering(db: SqlRunner, offeringId: string): Promise<boolean> {
  return (await execute(db, `UPDATE fractional_offering SET status = 'closed', updated_at = now() WHERE id = $1 AND status = 'open' RETURNING id`, [offeringId])) > 0
}
