import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * When a customer's password last changed: store tokens issued before `not_before` no longer
 * count, except the one that made the change (only its SHA-256 is kept). See lib/ended-sessions.ts.
 */
export class CustomerSessionCutoff1764700000000 implements MigrationInterface {
  name = "CustomerSessionCutoff1764700000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "customer_session_cutoff" (
        "customer_id" text PRIMARY KEY,
        "not_before" timestamptz NOT NULL,
        "kept_token_sha256" text
      )`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "customer_session_cutoff"`)
  }
}
