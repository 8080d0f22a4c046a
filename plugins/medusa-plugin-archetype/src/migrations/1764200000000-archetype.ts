import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The versioned quiz, scored results, archetype → category affinity, and the
 * precomputed co-purchase and popularity signals recommendations read.
 */
export class Archetype1764200000000 implements MigrationInterface {
  name = "Archetype1764200000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "archetype_quiz" (
        "id" text PRIMARY KEY,
        "version" int NOT NULL UNIQUE CHECK ("version" > 0),
        "title" text NOT NULL,
        "is_active" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
      -- one active version at a time, enforced by the database rather than by convention
      CREATE UNIQUE INDEX IF NOT EXISTS "IDX_archetype_quiz_one_active" ON "archetype_quiz" ("is_active") WHERE "is_active";

      CREATE TABLE IF NOT EXISTS "archetype_question" (
        "id" text PRIMARY KEY,
        "quiz_id" text NOT NULL REFERENCES "archetype_quiz" ("id") ON DELETE CASCADE,
        "position" int NOT NULL CHECK ("position" > 0),
        "prompt" text NOT NULL,
        "weights" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("quiz_id", "position")
      );

      CREATE TABLE IF NOT EXISTS "archetype_result" (
        "id" text PRIMARY KEY,
        "quiz_id" text NOT NULL REFERENCES "archetype_quiz" ("id"),
        "customer_id" text REFERENCES "customer" ("id") ON DELETE CASCADE,
        "token_hash" text UNIQUE,
        "archetype" text NOT NULL CHECK ("archetype" IN ('guardian', 'pioneer', 'strategist', 'visionary')),
        "scores" jsonb NOT NULL,
        "answers" jsonb NOT NULL,
        "attached_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_archetype_result_customer" ON "archetype_result" ("customer_id", "created_at" DESC);

      CREATE TABLE IF NOT EXISTS "archetype_category_affinity" (
        "archetype" text NOT NULL CHECK ("archetype" IN ('guardian', 'pioneer', 'strategist', 'visionary')),
        "category_id" text NOT NULL REFERENCES "product_category" ("id") ON DELETE CASCADE,
        "weight" numeric(4, 3) NOT NULL CHECK ("weight" > 0 AND "weight" <= 1),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("archetype", "category_id")
      );

      CREATE TABLE IF NOT EXISTS "archetype_product_copurchase" (
        "product_id" text NOT NULL,
        "related_product_id" text NOT NULL,
        "orders" int NOT NULL,
        PRIMARY KEY ("product_id", "related_product_id")
      );

      CREATE TABLE IF NOT EXISTS "archetype_product_popularity" (
        "product_id" text PRIMARY KEY,
        "score" double precision NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_archetype_product_popularity_score" ON "archetype_product_popularity" ("score" DESC);

      -- orders already counted in the signals, so a re-delivered order.placed counts once
      CREATE TABLE IF NOT EXISTS "archetype_order_signal" (
        "order_id" text PRIMARY KEY,
        "counted_at" timestamptz NOT NULL DEFAULT now()
      );
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS "archetype_order_signal";
      DROP TABLE IF EXISTS "archetype_product_popularity";
      DROP TABLE IF EXISTS "archetype_product_copurchase";
      DROP TABLE IF EXISTS "archetype_category_affinity";
      DROP TABLE IF EXISTS "archetype_result";
      DROP TABLE IF EXISTS "archetype_question";
      DROP TABLE IF EXISTS "archetype_quiz";
    `)
  }
}
