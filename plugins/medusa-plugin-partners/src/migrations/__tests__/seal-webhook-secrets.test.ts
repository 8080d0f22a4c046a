import { spawnSync } from "child_process"
import path from "path"
import { createTestDatabase, query, TestDatabase } from "@pva/test-support/database"
import { serverEnv } from "@pva/test-support/server"
import { open } from "../../lib/secret-box"

const MAIN = path.resolve(__dirname, "../../../../../medusa-server/dist/main.js")
const KEY_HEX = "5f".repeat(32)

function migrate(databaseUrl: string) {
  const result = spawnSync(process.execPath, [MAIN, "migrate"], {
    env: serverEnv(databaseUrl, { WEBHOOK_SECRET_KEY: KEY_HEX }),
    encoding: "utf8",
    timeout: 120_000,
  })
  if (result.status !== 0) throw new Error(`migrate failed: ${result.stderr.slice(-3000)}`)
}

let db: TestDatabase
beforeAll(async () => {
  db = await createTestDatabase("seal_secrets")
  migrate(db.url)
})
afterAll(() => db?.drop())

describe("the migration that seals partners' webhook secrets", () => {
  it("encrypts secrets stored in plain text, keeping their dates, and leaves sealed ones alone", async () => {
    const plain = [
      { secret: "whsec_b2xkLW9sZC1vbGQtb2xkLW9sZC1vbGQtb2xkLW9sZC0x", created_at: "2026-01-01T00:00:00.000Z", expires_at: "2026-01-02T00:00:00.000Z" },
      { secret: "whsec_Y3VycmVudC1jdXJyZW50LWN1cnJlbnQtY3VycmVudA==", created_at: "2026-01-01T12:00:00.000Z", expires_at: null },
    ]
    await query(db.url, `INSERT INTO partner (id, name, handle, country, webhook_secrets) VALUES ('partner_legacy', 'Legacy', 'legacy', 'Kenya', $1)`, [
      JSON.stringify(plain),
    ])
    // As on a database migrated before this migration existed.
    await query(db.url, `DELETE FROM migrations WHERE name = 'SealWebhookSecrets1764300000000'`)
    migrate(db.url)

    const [row] = await query(db.url, `SELECT webhook_secrets, webhook_secrets::text AS raw FROM partner WHERE id = 'partner_legacy'`)
    for (const p of plain) expect(row.raw).not.toContain(p.secret.slice(6))
    const key = Buffer.from(KEY_HEX, "hex")
    expect(row.webhook_secrets.map((s: any) => open(s.sealed, key))).toEqual(plain.map((p) => p.secret))
    expect(row.webhook_secrets.map((s: any) => [s.hint, s.created_at, s.expires_at])).toEqual(
      plain.map((p) => [`whsec_…${p.secret.slice(-4)}`, p.created_at, p.expires_at])
    )

    // Running it again (an interrupted deploy) changes nothing.
    await query(db.url, `DELETE FROM migrations WHERE name = 'SealWebhookSecrets1764300000000'`)
    migrate(db.url)
    const [again] = await query(db.url, `SELECT webhook_secrets::text AS raw FROM partner WHERE id = 'partner_legacy'`)
    expect(again.raw).toBe(row.raw)
  })
})
