import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Every email the store renders, kept when no mail service is configured (EmailOutboxService).
 * Databases migrated before the partners feature became a plugin already have the table
 * (Partners1764100000000 created it then), hence IF NOT EXISTS.
 */
export class EmailOutbox1764100000001 implements MigrationInterface {
  name = "EmailOutbox1764100000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "email_outbox" (
        "id" bigserial PRIMARY KEY,
        "to" text NOT NULL,
        "subject" text NOT NULL,
        "html" text NOT NULL,
        "text" text NOT NULL,
        "event_name" text NOT NULL,
        "resource_id" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_email_outbox_created" ON "email_outbox" ("created_at")`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "email_outbox"`)
  }
}
