import { MigrationInterface, QueryRunner } from "typeorm"

/** One row per firing of a scheduled job that ran: the claim that keeps it to one run. */
export class ScheduledJobRuns1764310000000 implements MigrationInterface {
  name = "ScheduledJobRuns1764310000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "scheduled_job_run" (
        "name" text NOT NULL,
        "fired_at" timestamptz NOT NULL,
        "claimed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("name", "fired_at")
      )`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "scheduled_job_run"`)
  }
}
