import { MigrationInterface, QueryRunner } from "typeorm"

/** A twin whose sale was canceled or refunded: when it happened, and a `refunded` provenance event. */
export class TwinRefunds1765000000000 implements MigrationInterface {
  name = "TwinRefunds1765000000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "digital_twin" ADD COLUMN IF NOT EXISTS "refunded_at" timestamptz;
      ALTER TABLE "digital_twin_event" DROP CONSTRAINT IF EXISTS "digital_twin_event_kind_check";
      ALTER TABLE "digital_twin_event" ADD CONSTRAINT "digital_twin_event_kind_check"
        CHECK ("kind" IN ('created', 'sold', 'claim_issued', 'minted', 'transferred', 'attested', 'refunded'));
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM "digital_twin_event" WHERE "kind" = 'refunded';
      ALTER TABLE "digital_twin_event" DROP CONSTRAINT IF EXISTS "digital_twin_event_kind_check";
      ALTER TABLE "digital_twin_event" ADD CONSTRAINT "digital_twin_event_kind_check"
        CHECK ("kind" IN ('created', 'sold', 'claim_issued', 'minted', 'transferred', 'attested'));
      ALTER TABLE "digital_twin" DROP COLUMN IF EXISTS "refunded_at";
    `)
  }
}
