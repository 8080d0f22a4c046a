// The plugin inside the real PVA Medusa server: its migration runs with Medusa's, the loader
// starts the follower, events go through the container's eventBusService, and
// GET /admin/chain-sync/status answers admins only. A worker process follows too: one of the
// two holds the follower lock, and either takes it again after PostgreSQL ends their connections.
import fs from "fs"
import { startChain, type TestChain } from "@pva/test-support/chain"
import { terminateConnections } from "@pva/test-support/database"
import { pidOwningLocalPort } from "@pva/test-support/topology"
import { createTestDatabase, storedLogs, type TestDatabase } from "../../../test-support/database"
import { migrateAndSeed, startServer, type TestServer } from "@pva/test-support/server"
import { adminToken } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"

let chain: TestChain
let db: TestDatabase
let server: TestServer
let worker: TestServer

beforeAll(async () => {
  ;[chain, db] = await Promise.all([startChain(), createTestDatabase("medusa", { schema: false })])
  await chain.mintAndTransfer(50, { perTx: 25 })
  await migrateAndSeed(db.url)
  const env = {
    CHAIN_SYNC_FOLLOW: "true",
    CHAIN_RPC_URLS: chain.url,
    CHAIN_ID: "31337",
    CHAIN_CONFIRMATIONS: "0",
    CHAIN_DEPLOYMENTS_DIR: chain.writeDeployment(),
    CHAIN_SYNC_POLL_INTERVAL_MS: "100",
    // the follower says at warn level that it lost its lock
    LOG_LEVEL: "warn",
  }
  server = await startServer(db.url, env)
  worker = await startServer(db.url, { ...env, MEDUSA_WORKER_MODE: "worker" })
}, 600_000)
afterAll(async () => {
  await Promise.all([server?.stop(), worker?.stop()])
  await Promise.all([chain?.stop(), db?.drop()])
})

/** The process (server or worker) whose connection holds the follower lock, if one does. */
async function lockHolder(): Promise<TestServer | undefined> {
  const { rows } = await db.pool.query<{ client_port: number }>(
    `SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()`,
  )
  const pids = rows.map((r) => pidOwningLocalPort(r.client_port, [server.pid, worker.pid]))
  return pids.length === 1 ? [server, worker].find((p) => p.pid === pids[0]) : undefined
}

const crashes = (p: TestServer) => fs.readFileSync(p.logFile, "utf8").match(/Unhandled 'error' event/g) ?? []

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
    expect(body.contracts.map((c: any) => c.contract_name)).toEqual(["PVAMarket", "PVAShares", "PVATwin"])
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

describe("when PostgreSQL ends every connection of the server and of the worker", () => {
  it("both keep answering, one of them follows again, and a transfer made afterwards is stored and announced once", async () => {
    const token = await adminToken(server.url)
    const status = async () => {
      const res = await fetch(`${server.url}/admin/chain-sync/status`, { headers: { authorization: `Bearer ${token}` } })
      return res.status === 200 ? ((await res.json()) as any) : undefined
    }
    const holder = await waitFor(lockHolder, 30_000, "one process holding the follower lock")

    const ended = await terminateConnections(db.url)
    // at least the lock's connection and a pooled one of each process
    expect(ended).toBeGreaterThanOrEqual(3)
    const receipt = await chain.mintOne()

    // Both answer within seconds: the server reads the database again, the worker is up.
    const answered = Date.now()
    await waitFor(status, 10_000, "the server answering from the database")
    await waitFor(async () => (await fetch(`${worker.url}/health`)).ok, 10_000, "the worker answering")
    expect(Date.now() - answered).toBeLessThan(10_000)

    // One of them takes the lock again (the one that held it, or the other) and follows on.
    const twin = chain.twin.address.toLowerCase()
    await waitFor(
      async () => (await status())?.contracts.find((c: any) => c.contract_address === twin)?.announced_block >= Number(receipt.blockNumber),
      30_000,
      "the transfer made after the loss announced",
    )
    expect([server, worker]).toContain(await waitFor(lockHolder, 30_000, "one process holding the lock again"))
    expect(await storedLogs(db.pool, `tx_hash = '${receipt.transactionHash}' AND status = 'confirmed'`)).toHaveLength(1)
    // Nothing lost, nothing stored twice, nobody owed an announcement.
    expect((await storedLogs(db.pool, "status = 'confirmed'")).length).toBe((await chain.canonicalLogs()).length)
    expect((await status()).pending_notifications).toBe(0)

    expect({ server: server.process.exitCode, worker: worker.process.exitCode }).toEqual({ server: null, worker: null })
    expect([...crashes(server), ...crashes(worker)]).toEqual([])
    expect(fs.readFileSync(holder.logFile, "utf8")).toMatch(/lost the connection holding the follower lock/)
  }, 120_000)

  it("SIGTERM stops the server and the worker with exit code 0 and no unhandled error", async () => {
    const ends = await Promise.all([server.stop(), worker.stop()])
    expect(ends).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ])
    expect([...crashes(server), ...crashes(worker)]).toEqual([])
  }, 60_000)
})
