import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Webhook health by day (webhookDeliveryHealth, read by the sales dashboard) counts a range's
 * deliveries by state: an index on created_at carrying the state and timings answers it
 * without reading the rows' bodies.
 */
export class WebhookDeliveryByDay1765200000001 implements MigrationInterface {
  name = "WebhookDeliveryByDay1765200000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_created_at" ON "webhook_delivery" ("created_at") INCLUDE ("status", "attempts", "delivered_at")`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_webhook_delivery_created_at"`)
  }
}
