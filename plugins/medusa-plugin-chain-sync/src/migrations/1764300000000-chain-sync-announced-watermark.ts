import type { MigrationInterface, QueryRunner } from "typeorm"
import { CHAIN_SYNC_SCHEMA_V2 } from "../lib/schema"

export class ChainSyncAnnouncedWatermark1764300000000 implements MigrationInterface {
  name = "ChainSyncAnnouncedWatermark1764300000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of CHAIN_SYNC_SCHEMA_V2) await queryRunner.query(statement)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS chain_log_removal_outbox_idx`)
    await queryRunner.query(`DROP INDEX IF EXISTS chain_log_contract_order_idx`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS chain_log_block_idx ON chain_log (chain_id, block_number)`)
    // Every confirmed log at or under the watermark was announced: carry that back into the per-row mark.
    await queryRunner.query(
      `UPDATE chain_log l SET notified = 'confirmed' FROM chain_cursor c
       WHERE l.chain_id = c.chain_id AND l.contract_address = c.contract_address AND l.status = 'confirmed'
         AND (l.block_number, l.log_index) <= (c.announced_block, c.announced_log_index)`,
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS chain_log_outbox_idx ON chain_log (chain_id, block_number, log_index)
        WHERE (status = 'confirmed' AND notified IS DISTINCT FROM 'confirmed') OR (status = 'removed' AND notified = 'confirmed')`,
    )
    await queryRunner.query(`ALTER TABLE chain_cursor DROP COLUMN IF EXISTS announced_log_index`)
    await queryRunner.query(`ALTER TABLE chain_cursor DROP COLUMN IF EXISTS announced_block`)
  }
}
