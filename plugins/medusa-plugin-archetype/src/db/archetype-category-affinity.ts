import { defineTable, execute, pg, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import type { Archetype } from "../lib/archetypes"

/** How strongly an archetype is drawn to a product category (0–1), edited in the admin. */
export const archetypeCategoryAffinityTable = defineTable("archetype_category_affinity", {
  archetype: pg.textOf<Archetype>(),
  category_id: pg.text,
  weight: pg.numeric,
  updated_at: pg.timestamptz,
})

export type CategoryAffinityRow = RowOf<typeof archetypeCategoryAffinityTable>

export type AffinityView = { archetype: Archetype; category_id: string; weight: number; category_name: string; category_handle: string }

/** Every weight with its category's name, strongest first within each archetype. */
export function affinitiesWithCategories(db: SqlRunner): Promise<AffinityView[]> {
  return selectRows<AffinityView>(
    db,
    `SELECT a.archetype, a.category_id, a.weight::float AS weight, c.name AS category_name, c.handle AS category_handle
       FROM archetype_category_affinity a JOIN product_category c ON c.id = a.category_id
      ORDER BY a.archetype, a.weight DESC, c.name`
  )
}

/** The categories an archetype has any affinity with: what the catalog's archetype filter shows. */
export async function categoryIdsOfArchetype(db: SqlRunner, archetype: Archetype): Promise<string[]> {
  const rows = await selectRows<{ category_id: string }>(db, `SELECT category_id FROM archetype_category_affinity WHERE archetype = $1`, [archetype])
  return rows.map((r) => r.category_id)
}

export async function setAffinity(db: SqlRunner, archetype: Archetype, categoryId: string, weight: number): Promise<void> {
  await execute(
    db,
    `INSERT INTO archetype_category_affinity (archetype, category_id, weight) VALUES ($1, $2, $3)
     ON CONFLICT (archetype, category_id) DO UPDATE SET weight = EXCLUDED.weight, updated_at = now()`,
    [archetype, categoryId, weight]
  )
}

export async function removeAffinity(db: SqlRunner, archetype: Archetype, categoryId: string): Promise<void> {
  await execute(db, `DELETE FROM archetype_category_affinity WHERE archetype = $1 AND category_id = $2`, [archetype, categoryId])
}

/** Sets the weight for the category of this name unless the archetype has one (an admin's edit stays); answers whether it did. */
export async function seedAffinity(db: SqlRunner, archetype: Archetype, categoryName: string, weight: number): Promise<boolean> {
  const inserted = await execute(
    db,
    `INSERT INTO archetype_category_affinity (archetype, category_id, weight)
     SELECT $1, id, $3 FROM product_category WHERE name = $2
     ON CONFLICT DO NOTHING RETURNING category_id`,
    [archetype, categoryName, weight]
  )
  return inserted > 0
}

/** Which of these ids are product categories. */
export async function existingCategoryIds(db: SqlRunner, ids: string[]): Promise<Set<string>> {
  const rows = await selectRows<{ id: string }>(db, `SELECT id FROM product_category WHERE id = ANY($1::text[])`, [ids])
  return new Set(rows.map((r) => r.id))
}
