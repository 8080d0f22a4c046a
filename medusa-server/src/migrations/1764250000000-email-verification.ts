import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Email verification: single-use tokens (only their SHA-256 is stored) and the
 * address each account has proved it owns. A proof names the address, so an
 * account that changes its email is unverified again until it proves the new one.
 */
export class EmailVerification1764250000000 implements MigrationInterface {
  name = "EmailVerification1764250000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "email_verification_token" (
        "token_hash" text PRIMARY KEY,
        "customer_id" text NOT NULL,
        "email" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_email_verification_token_customer" ON "email_verification_token" ("customer_id")`
    )
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "customer_verified_email" (
        "customer_id" text PRIMARY KEY,
        "email" text NOT NULL,
        "verified_at" timestamptz NOT NULL DEFAULT now()
      )`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "customer_verified_email"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "email_verification_token"`)
  }
}
