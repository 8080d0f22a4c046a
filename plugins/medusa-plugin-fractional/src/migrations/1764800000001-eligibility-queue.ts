import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Each wallet's wanted eligibility on PVAShares, kept until the chain has it: a failed
 * `setEligible` (chain down, a revert) is retried with backoff instead of being forgotten.
 */
export class EligibilityQueue1764800000001 implements MigrationInterface {
  name = "EligibilityQueue1764800000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "fractional_eligibility_task" (
        "wallet" text PRIMARY KEY,
        "eligible" boolean NOT NULL,
        -- bumped by every new wish, so an attempt for an older one cannot mark the task done
        "version" int NOT NULL DEFAULT 1,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'done')),
        "attempts" int NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        -- an attempt in flight holds the task until then (a crashed process lets go)
        "claimed_until" timestamptz,
        "last_error" text,
        "tx_hash" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_fractional_eligibility_task_due" ON "fractional_eligibility_task" ("next_attempt_at") WHERE "status" = 'pending';
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "fractional_eligibility_task"`)
  }
}
