// The plugin inside the real PVA Medusa server: its migration runs with Medusa's, the loader
// starts the follower, events go through the container's eventBusService, and
// GET /admin/chain-sync/status answers admins only.
import { startChain, type TestChain } from "@pva/test-support/chain"
import { createTestDatabase, storedLogs, type TestDatabase } from "../../../test-support/database"
import { migrateAndSeed, startServer, type TestServer } from "@pva/test-support/server"
import { adminToken } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"

let chain: TestChain
let db: TestDatabase
let server: TestServer

beforeAll(async () => {
  ;[chain, db] = await Promise.all([startChain(), createTestDatabase("medusa", { schema: false })])
  await chain.mintAndTransfer(50, { perTx: 25 })
  await migrateAndSeed(db.url)
  server = await startServer(db.url, {
    CHAIN_SYNC_FOLLOW: "true",
    CHAIN_RPC_URLS: chain.url,
    CHAIN_ID: "31337",
    CHAIN_CONFIRMATIONS: "0",
    CHAIN_DEPLOYMENTS_DIR: chain.writeDeployment(),
    CHAIN_SYNC_POLL_INTERVAL_MS: "100",
  })
}, 300_000)
afterAll(async () => {
  await server?.stop()
  await Promise.all([chain?.stop(), db?.drop()])
})

describe("chain sync inside Medusa", () => {
  it("ran its migrations with Medusa's", async () => {
    const { rows } = await db.pool.query(`SELECT name FROM migrations WHERE name LIKE 'ChainSync%'`)
    expect(rows.map((r) => r.name).sort()).toEqual(["ChainSync1764200000000", "ChainSyncAnnouncedWatermark1764300000000"])
  })

  it("GET /admin/chain-sync/status needs an admin", async () => {
    const res = await fetch(`${server.url}/admin/chain-sync/status`)
    expect(res.status).toBe(401)
  })

  it("follows the chain, emits through the event bus and reports head, cursor, lag and logs per contract", async () => {
    const token = await adminToken(server.url)
    const status = async () => {
      const res = await fetch(`${server.url}/admin/chain-sync/status`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      return (await res.json()) as any
    }
    const head = await chain.head()
    await waitFor(async () => (await status()).contracts.every((c: any) => c.cursor === head), 30_000, "the follower caught up")
    await waitFor(async () => (await status()).pending_notifications === 0, 10_000, "all logs announced")

    const body = await status()
    expect(body.following).toBe(true)
    expect(body.contracts.map((c: any) => c.contract_name)).toEqual(["PVAShares", "PVATwin"])
    const twin = body.contracts.find((c: any) => c.contract_name === "PVATwin")
    expect(twin).toMatchObject({ chain_id: 31337, contract_address: chain.twin.address.toLowerCase(), head, cursor: head, lag: 0, last_error: null })
    expect(twin.logs_ingested).toBe((await storedLogs(db.pool, `contract_address = '${chain.twin.address.toLowerCase()}'`)).length)
    expect(body.logs.confirmed).toBe((await chain.canonicalLogs()).length)

    // A new transfer is followed live and handed to Medusa's event bus.
    const receipt = await chain.mintOne()
    await waitFor(
      async () => (await status()).contracts.find((c: any) => c.contract_name === "PVATwin").announced_block === Number(receipt.blockNumber),
      10_000,
      "the new transfer announced",
    )
    expect(await storedLogs(db.pool, `tx_hash = '${receipt.transactionHash}' AND status = 'confirmed'`)).toHaveLength(1)
    expect((await status()).pending_notifications).toBe(0)
  })
})
