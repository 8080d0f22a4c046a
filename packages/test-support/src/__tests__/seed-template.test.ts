import { randomBytes } from "crypto"
import { createTestDatabase, postgresAdminUrl, query, type TestDatabase } from "../database"
import { migrateAndSeed, serverEnv } from "../server"
const { templateFor } = require("../seed-template")

// A variable only this run sets: its seeds get a template of their own, whatever other runs keep.
const env = { PVA_SEED_TEMPLATE_RUN: randomBytes(6).toString("hex") }
const databases: TestDatabase[] = []
const fresh = async () => {
  const db = await createTestDatabase("seedtpl")
  databases.push(db)
  return db
}
const templateName = (): string => templateFor(serverEnv("postgres://postgres@127.0.0.1:5432/any", env), []).name

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()))
  const admin = await postgresAdminUrl()
  await query(admin, `DROP DATABASE IF EXISTS "${templateName()}" WITH (FORCE)`)
})

const catalogOf = (db: TestDatabase) =>
  query(db.url, `SELECT p.handle, count(v.id)::int AS variants FROM product p JOIN product_variant v ON v.product_id = p.id GROUP BY p.handle ORDER BY p.handle`)

describe("a seed asked for twice with the same settings", () => {
  it("gives the second database a copy of the first one's seed: same keys, same catalog, its own database", async () => {
    const first = await fresh()
    const seeded = migrateAndSeed(first.url, env)
    const [kept] = await query(await postgresAdminUrl(), `SELECT datname FROM pg_database WHERE datname = $1`, [templateName()])
    expect(kept?.datname).toBe(templateName())

    const second = await fresh()
    expect(migrateAndSeed(second.url, env)).toEqual(seeded)
    expect(await catalogOf(second)).toEqual(await catalogOf(first))
    const [key] = await query(second.url, `SELECT id FROM publishable_api_key WHERE id = $1`, [seeded.publishableKeys.com])
    expect(key?.id).toBe(seeded.publishableKeys.com)

    // Its own: a write to the copy is not in the first database.
    await query(second.url, `UPDATE product SET title = 'only in the copy' WHERE handle = 'amradjet-emerald-pendant'`)
    const [original] = await query(first.url, `SELECT title FROM product WHERE handle = 'amradjet-emerald-pendant'`)
    expect(original.title).not.toBe("only in the copy")
  })

  it("runs the seed on a database that already has tables, keeping what is there", async () => {
    const db = await fresh()
    migrateAndSeed(db.url, env)
    await query(db.url, `CREATE TABLE kept_by_the_test (id int)`)
    migrateAndSeed(db.url, env)
    expect(await query(db.url, `SELECT count(*)::int AS n FROM kept_by_the_test`)).toEqual([{ n: 0 }])
  })
})

describe("seeds a template cannot hold", () => {
  it("always run: one that talks to a chain, one with arguments, one without a database URL", () => {
    const base = { ...process.env, DATABASE_URL: "postgres://postgres@127.0.0.1:5432/x" }
    expect(templateFor(base, [])).not.toBeNull()
    expect(templateFor({ ...base, CHAIN_RPC_URL: "http://127.0.0.1:8545" }, [])).toBeNull()
    expect(templateFor({ ...base, CHAIN_RPC_URLS: "http://127.0.0.1:8545" }, [])).toBeNull()
    expect(templateFor(base, ["--products", "100"])).toBeNull()
    expect(templateFor({ ...base, DATABASE_URL: "" }, [])).toBeNull()
  })

  it("keys on the seed's environment: another value of any setting is another template", () => {
    const base = { ...process.env, DATABASE_URL: "postgres://postgres@127.0.0.1:5432/x" }
    expect(templateFor({ ...base, MEDUSA_BACKEND_URL: "http://127.0.0.1:1" }, []).name).not.toBe(
      templateFor({ ...base, MEDUSA_BACKEND_URL: "http://127.0.0.1:2" }, []).name
    )
    // ...but not on which database it goes to, nor on what npm and jest set for each workspace.
    const otherWorkspace = { npm_lifecycle_event: "x", JEST_WORKER_ID: "9", PATH: `/elsewhere/node_modules/.bin:${process.env.PATH}` }
    expect(templateFor({ ...base, DATABASE_URL: "postgres://postgres@127.0.0.1:5432/y", ...otherWorkspace }, []).name).toBe(
      templateFor(base, []).name
    )
  })
})
