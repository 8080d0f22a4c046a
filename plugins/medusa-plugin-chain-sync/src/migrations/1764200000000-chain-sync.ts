import type { MigrationInterface, QueryRunner } from "typeorm"
import { CHAIN_SYNC_SCHEMA_DOWN, CHAIN_SYNC_SCHEMA_V1 } from "../lib/schema"

export class ChainSync1764200000000 implements MigrationInterface {
  name = "ChainSync1764200000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of CHAIN_SYNC_SCHEMA_V1) await queryRunner.query(statement)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of CHAIN_SYNC_SCHEMA_DOWN) await queryRunner.query(statement)
  }
}
