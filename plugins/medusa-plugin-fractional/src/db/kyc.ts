// KYC applications and their decisions, beside their TypeORM entities (models/kyc-*.ts, their
// one description): the reads and writes that go around the repositories.
import { execute, selectRow, selectRows, type SqlRunner } from "@pva/medusa-kit"
import type { KycApplication, KycApplicationStatus } from "../models/kyc-application"
import type { KycDecision } from "../models/kyc-decision"

/** The status of the customer's latest application, if they ever applied. */
export async function latestApplicationStatus(db: SqlRunner, customerId: string): Promise<KycApplicationStatus | null> {
  const row = await selectRow<{ status: KycApplicationStatus }>(
    db,
    `SELECT status FROM fractional_kyc_application WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [customerId]
  )
  return row?.status ?? null
}

export type ApplicationForReview = KycApplication & { customer_email: string }

/** Applications (of one status, or all) with the customer's email, oldest first. */
export function applicationsForReview(db: SqlRunner, status: KycApplicationStatus | null): Promise<ApplicationForReview[]> {
  return selectRows<ApplicationForReview>(
    db,
    `SELECT a.*, c.email AS customer_email FROM fractional_kyc_application a
       JOIN customer c ON c.id = a.customer_id
      WHERE ($1::text IS NULL OR a.status = $1)
      ORDER BY a.created_at ASC LIMIT 500`,
    [status]
  )
}

/** The application, locked until the decision about it commits. */
export function lockApplication(db: SqlRunner, applicationId: string): Promise<KycApplication | null> {
  return selectRow<KycApplication>(db, `SELECT * FROM fractional_kyc_application WHERE id = $1 FOR UPDATE`, [applicationId])
}

/** Records a decision and the application's status it leads to; every decision is kept. */
export async function recordDecision(
  db: SqlRunner,
  decision: Pick<KycDecision, "id" | "application_id" | "decision" | "note" | "decided_by">,
  newStatus: KycApplicationStatus
): Promise<void> {
  await execute(db, `UPDATE fractional_kyc_application SET status = $2, updated_at = now() WHERE id = $1`, [decision.application_id, newStatus])
  await execute(db, `INSERT INTO fractional_kyc_decision (id, application_id, decision, note, decided_by) VALUES ($1, $2, $3, $4, $5)`, [
    decision.id,
    decision.application_id,
    decision.decision,
    decision.note,
    decision.decided_by,
  ])
}
