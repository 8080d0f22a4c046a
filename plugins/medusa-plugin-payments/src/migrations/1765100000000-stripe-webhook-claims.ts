import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The webhook ledger records an event in two short steps instead of one long transaction
 * around its effects: claimed (`claimed_at`), then applied (`applied_at`). A claim whose
 * process died before applying it is taken over once it is old (see StripeWebhookService).
 */
export class StripeWebhookClaims1765100000000 implements MigrationInterface {
  name = "StripeWebhookClaims1765100000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "stripe_webhook_event" ADD COLUMN IF NOT EXISTS "claimed_at" timestamptz NOT NULL DEFAULT now();
      ALTER TABLE "stripe_webhook_event" ALTER COLUMN "applied_at" DROP NOT NULL, ALTER COLUMN "applied_at" DROP DEFAULT;
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM "stripe_webhook_event" WHERE "applied_at" IS NULL;
      ALTER TABLE "stripe_webhook_event" ALTER COLUMN "applied_at" SET DEFAULT now(), ALTER COLUMN "applied_at" SET NOT NULL;
      ALTER TABLE "stripe_webhook_event" DROP COLUMN IF EXISTS "claimed_at";
    `)
  }
}
