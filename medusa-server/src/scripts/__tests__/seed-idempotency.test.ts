import { createTestDatabase, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed } from "@pva/test-support/server"

async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  const counts: Record<string, number> = {}
  for (const { tablename } of tables) {
    const [{ n }] = await query(url, `SELECT count(*)::int AS n FROM "${tablename}"`)
    counts[tablename] = n
  }
  return counts
}

describe("the seed", () => {
  let db: TestDatabase

  beforeAll(async () => {
    db = await createTestDatabase("seed")
  })
  afterAll(async () => db?.drop())

  it("changes nothing when run a second time", async () => {
    const first = migrateAndSeed(db.url)
    const afterFirst = await rowCounts(db.url)
    const second = migrateAndSeed(db.url)
    const afterSecond = await rowCounts(db.url)

    expect(afterSecond).toEqual(afterFirst)
    expect(second.publishableKeys).toEqual(first.publishableKeys)
    expect(afterFirst.product).toBeGreaterThanOrEqual(24)
    expect(afterFirst.region).toBe(2)
    expect(afterFirst.publishable_api_key).toBe(2)
  })

  it("creates every archetype affinity category", async () => {
    const rows = await query(db.url, `SELECT name FROM product_category`)
    const names = rows.map((r: any) => r.name)
    for (const name of ["Protection Stones", "Exploration Tools", "Strategic Games", "Innovation Items", "Gemstones", "Emeralds"]) {
      expect(names).toContain(name)
    }
  })
})
