import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Every Stripe webhook event applied, by its `evt_` id: Stripe delivers an event at least
 * once, so the primary key is what makes each one take effect exactly once.
 */
export class StripeWebhookLedger1765000000000 implements MigrationInterface {
  name = "StripeWebhookLedger1765000000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "stripe_webhook_event" (
        "id" text PRIMARY KEY CHECK ("id" LIKE 'evt\\_%'),
        "type" text NOT NULL,
        "object_id" text,
        "stripe_created_at" timestamptz NOT NULL,
        "applied_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_object" ON "stripe_webhook_event" ("object_id");
      CREATE INDEX IF NOT EXISTS "IDX_payment_stripe_intent" ON "payment" (("data"->>'id')) WHERE "provider_id" = 'stripe';
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_payment_stripe_intent"; DROP TABLE IF EXISTS "stripe_webhook_event"`)
  }
}
