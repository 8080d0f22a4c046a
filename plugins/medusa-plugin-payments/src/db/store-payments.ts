// What the payments plugin reads and writes of Medusa's own payment, refund, order and
// payment_session tables (Medusa's migrations own them; the server's order.pva_number is the
// server's): every such query, in one place.
import { execute, selectRow, selectRows, type SqlRunner } from "@pva/medusa-kit"
import type { StorePaymentRow } from "../lib/reconcile"

export type StorePayment = { id: string; order_id: string | null; amount: number; amount_refunded: number; currency_code: string }

/** The store's payment for a PaymentIntent, locked for the transaction; null when no order pays with it yet. */
export function lockStripePayment(tx: SqlRunner, intentId: string): Promise<StorePayment | null> {
  return selectRow<StorePayment>(
    tx,
    `SELECT id, order_id, amount, amount_refunded, currency_code FROM payment
      WHERE provider_id = 'stripe' AND data->>'id' = $1 AND order_id IS NOT NULL FOR UPDATE`,
    [intentId]
  )
}

/** The Stripe refund ids already recorded as refunds of a payment. */
export async function recordedStripeRefundIds(tx: SqlRunner, paymentId: string): Promise<Set<string | null>> {
  const rows = await selectRows<{ id: string | null }>(tx, `SELECT metadata->>'stripe_refund_id' AS id FROM refund WHERE payment_id = $1`, [paymentId])
  return new Set(rows.map((r) => r.id))
}

/** Records a refund made in Stripe's dashboard as a refund of the payment's order; answers the new refund's id. */
export async function insertStripeRefund(
  tx: SqlRunner,
  payment: Pick<StorePayment, "id" | "order_id">,
  refund: { id: string; amount: number; created: number }
): Promise<string> {
  const row = await selectRow<{ id: string }>(
    tx,
    `INSERT INTO refund (id, order_id, payment_id, amount, note, reason, metadata, created_at, updated_at)
     VALUES ('ref_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, 'other', $5, to_timestamp($6), now()) RETURNING id`,
    [payment.order_id, payment.id, refund.amount, `Refunded in Stripe (${refund.id})`, { stripe_refund_id: refund.id }, refund.created]
  )
  if (!row) throw new Error(`recording Stripe refund ${refund.id} answered no row`)
  return row.id
}

/** The payment's refunded amount and its order's payment status, after refunds made in Stripe. */
export async function setRefunded(tx: SqlRunner, payment: Pick<StorePayment, "id" | "order_id">, refunded: number, fully: boolean): Promise<void> {
  await execute(tx, `UPDATE payment SET amount_refunded = $2, updated_at = now() WHERE id = $1`, [payment.id, refunded])
  await execute(tx, `UPDATE "order" SET payment_status = $2, updated_at = now() WHERE id = $1`, [
    payment.order_id,
    fully ? "refunded" : "partially_refunded",
  ])
}

/** Sets one key of the order's metadata (a dispute's flag); answers what the email names the order by, or null for no such order. */
export function setOrderMetadataKey(
  tx: SqlRunner,
  orderId: string | null,
  key: string,
  value: unknown
): Promise<{ id: string; display_id: number; pva_number: string | null } | null> {
  return selectRow(
    tx,
    `UPDATE "order" SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb), updated_at = now()
      WHERE id = $1 RETURNING id, display_id, pva_number`,
    [orderId, key, JSON.stringify(value)]
  )
}

/** The store's Stripe payments for these PaymentIntents, as the reconciliation compares them. */
export function storePaymentsForIntents(db: SqlRunner, intentIds: string[]): Promise<StorePaymentRow[]> {
  return selectRows<StorePaymentRow>(
    db,
    `SELECT p.data->>'id' AS intent_id, p.order_id, COALESCE(o.pva_number, '#' || o.display_id) AS order_number,
            p.amount, p.amount_refunded, p.captured_at IS NOT NULL AS captured
       FROM payment p LEFT JOIN "order" o ON o.id = p.order_id
      WHERE p.provider_id = 'stripe' AND p.data->>'id' = ANY($1)`,
    [intentIds]
  )
}

/** Whether the cart's selected payment session is Stripe's. */
export async function cartPaysByStripe(db: SqlRunner, cartId: string): Promise<boolean> {
  return (await execute(db, `SELECT 1 FROM payment_session WHERE cart_id = $1 AND provider_id = 'stripe' AND is_selected`, [cartId])) > 0
}

/** Whether the order has a Stripe payment. */
export async function orderPaysByStripe(db: SqlRunner, orderId: string): Promise<boolean> {
  return (await execute(db, `SELECT 1 FROM payment WHERE order_id = $1 AND provider_id = 'stripe'`, [orderId])) > 0
}
