import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Shares are tokens, never shipped: their products move to a shipping profile of their own,
 * marked `requires_shipping: false`, which no shipping option serves. The server's cart
 * completion asks for a shipping method only for lines outside such a profile, so a
 * share-only cart completes without one and a mixed cart still needs one.
 */
export class SharesNotShipped1764600000000 implements MigrationInterface {
  name = "SharesNotShipped1764600000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "shipping_profile" ("id", "name", "type", "metadata")
      VALUES ('sp_fractional_shares', 'Fractional shares (not shipped)', 'custom', '{"requires_shipping": false}')
      ON CONFLICT ("id") DO NOTHING;

      UPDATE "product_shipping_profile" SET "profile_id" = 'sp_fractional_shares'
       WHERE "product_id" IN (SELECT "product_id" FROM "fractional_offering" WHERE "product_id" IS NOT NULL);
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "product_shipping_profile" SET "profile_id" = (SELECT "id" FROM "shipping_profile" WHERE "type" = 'default' AND "deleted_at" IS NULL LIMIT 1)
       WHERE "profile_id" = 'sp_fractional_shares';
      DELETE FROM "shipping_profile" WHERE "id" = 'sp_fractional_shares';
    `)
  }
}
