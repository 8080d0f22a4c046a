import fs from "fs"
import os from "os"
import path from "path"
import sharp from "sharp"
import { createTestDatabase, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed } from "@pva/test-support/server"
import { SEED_PRODUCTS } from "../../seed/catalog"

/** Every file under `dir` with its size and modification time: what a second seed must leave alone. */
function filesIn(dir: string): Record<string, string> {
  const found: Record<string, string> = {}
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name)
      if (entry.isDirectory()) walk(file)
      else found[path.relative(dir, file)] = `${fs.statSync(file).size}:${fs.statSync(file).mtimeMs}`
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return found
}

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
  // Its own uploads folder: the seed's images are stored there as an admin's uploads are.
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-seed-uploads-"))
  const env = { FILE_LOCAL_DIR: uploadsDir, MEDUSA_BACKEND_URL: "http://media.pva.test" }

  beforeAll(async () => {
    db = await createTestDatabase("seed")
  })
  afterAll(async () => {
    await db?.drop()
    fs.rmSync(uploadsDir, { recursive: true, force: true })
  })

  it("changes nothing when run a second time, not even its image files", async () => {
    const first = migrateAndSeed(db.url, env)
    const afterFirst = await rowCounts(db.url)
    const filesAfterFirst = filesIn(uploadsDir)
    const second = migrateAndSeed(db.url, env)
    const afterSecond = await rowCounts(db.url)

    expect(afterSecond).toEqual(afterFirst)
    expect(filesIn(uploadsDir)).toEqual(filesAfterFirst)
    expect(second.publishableKeys).toEqual(first.publishableKeys)
    expect(afterFirst.product).toBeGreaterThanOrEqual(24)
    expect(afterFirst.region).toBe(2)
    expect(afterFirst.publishable_api_key).toBe(2)
    // Two full seeds (migrations, and the first renders 28 photos in 7 files each) on a shared 2-core machine.
  }, 480_000)

  it("gives every product a raster photo stored as uploads are, with its 200/600/1200 px WebP and AVIF variants", async () => {
    const handles = SEED_PRODUCTS.map((p) => p.handle)
    const products = await query(db.url, `SELECT handle, thumbnail FROM product WHERE handle = ANY($1)`, [handles])
    const images = await query(db.url, `SELECT url FROM image WHERE deleted_at IS NULL`)
    expect(products.length).toBe(handles.length)
    const folders = new Set<string>()
    for (const { handle, thumbnail } of products) {
      const match = String(thumbnail).match(/^http:\/\/media\.pva\.test\/uploads\/(products\/[0-9a-f-]{36})\/original\.jpg$/)
      if (!match) throw new Error(`${handle}'s thumbnail ${thumbnail} is not an uploaded image`)
      expect(images.map((i: { url: string }) => i.url)).toContain(thumbnail)
      folders.add(match[1])
      const original = await sharp(path.join(uploadsDir, match[1], "original.jpg")).metadata()
      expect(original).toMatchObject({ format: "jpeg", width: 1200, height: 1200 })
      for (const width of [200, 600, 1200]) {
        for (const format of ["webp", "avif"] as const) {
          const variant = await sharp(path.join(uploadsDir, match[1], `${width}w.${format}`)).metadata()
          expect(variant.width).toBe(width)
          expect(variant.format).toBe(format === "avif" ? "heif" : "webp")
        }
      }
    }
    // A photo of its own for every piece, not one picture shared by the catalog.
    expect(folders.size).toBe(products.length)
  })

  it("creates every archetype affinity category", async () => {
    const rows = await query(db.url, `SELECT name FROM product_category`)
    const names = rows.map((r: any) => r.name)
    for (const name of ["Protection Stones", "Exploration Tools", "Strategic Games", "Innovation Items", "Gemstones", "Emeralds"]) {
      expect(names).toContain(name)
    }
  })
})
