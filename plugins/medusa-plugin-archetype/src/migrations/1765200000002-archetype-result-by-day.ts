import { MigrationInterface, QueryRunner } from "typeorm"

/** Finished quizzes per day (quizResultsPerDay, read by the sales dashboard) from the index alone. */
export class ArchetypeResultByDay1765200000002 implements MigrationInterface {
  name = "ArchetypeResultByDay1765200000002"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_archetype_result_created_at" ON "archetype_result" ("created_at")`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_archetype_result_created_at"`)
  }
}
