import { createTestDatabase, query } from "./database"
import { migrateAndSeed } from "./server"

/** One column of a table as information_schema describes it. */
export interface MigratedColumn {
  table_name: string
  column_name: string
  udt_name: string
  is_nullable: "YES" | "NO"
}

/**
 * The columns of these tables in a database that went through every migration the server runs
 * (the server's own migrate and seed, copied from a template when an identical one exists),
 * for comparing a plugin's table descriptions with what its migrations really made.
 */
export async function migratedColumns(label: string, tableNames: string[]): Promise<MigratedColumn[]> {
  const db = await createTestDatabase(label)
  try {
    migrateAndSeed(db.url)
    return await query<MigratedColumn>(
      db.url,
      `SELECT table_name, column_name, udt_name, is_nullable
       FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ANY($1::text[])
       ORDER BY table_name, ordinal_position`,
      [tableNames],
    )
  } finally {
    await db.drop()
  }
}
