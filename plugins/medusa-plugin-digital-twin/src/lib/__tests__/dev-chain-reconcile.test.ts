// `npm run dev` restarts an empty local chain while the database persists: the dev start mints
// the seed's twin, and after a chain restart resets chain-derived state and mints again what the
// store says is minted, so store and chain agree again (and each mint is recorded once).
import { pvaTwinAbi } from "@pva/contracts"
import { startChain, type TestChain } from "@pva/test-support/chain"
import { createTestDatabase, query, type TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, startServer, type TestServer } from "@pva/test-support/server"
import { DEV_WALLET } from "../../seed/twins"
import { reconcileDevChain } from "../dev-chain-reconcile"
import { grantServerRoles, SERVER_KEY } from "../../../test-support/twin-stack"

let db: TestDatabase
let chain: TestChain | undefined
let server: TestServer | undefined

async function freshChain() {
  const started = await startChain()
  await grantServerRoles(started)
  return { chain: started, deploymentsDir: started.writeDeployment() }
}

function envFor(c: TestChain, deploymentsDir: string) {
  return {
    CHAIN_SYNC_FOLLOW: "true",
    CHAIN_RPC_URLS: c.url,
    CHAIN_RPC_URL: c.url,
    CHAIN_ID: "31337",
    CHAIN_CONFIRMATIONS: "0",
    CHAIN_DEPLOYMENTS_DIR: deploymentsDir,
    CHAIN_SYNC_POLL_INTERVAL_MS: "100",
    TWIN_MINTER_KEY: SERVER_KEY,
  }
}

async function devTwins() {
  return query(db.url, `SELECT token_id::text AS token_id, status, owner_address FROM digital_twin ORDER BY token_id`)
}

async function waitForStatus(tokenId: string, status: string) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const [row] = await query(db.url, `SELECT status FROM digital_twin WHERE token_id = $1`, [tokenId])
    if (row.status === status) return
    if (Date.now() > deadline) throw new Error(`twin ${tokenId} is ${row.status}, expected ${status}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  db = await createTestDatabase("twin_dev")
}, 60_000)
afterAll(async () => {
  await server?.stop()
  await chain?.stop()
  await db?.drop()
})

describe("the dev start", () => {
  it("mints the seed's twin, and after a chain restart re-mints it once: chain and store agree", async () => {
    const first = await freshChain()
    chain = first.chain
    migrateAndSeed(db.url, envFor(first.chain, first.deploymentsDir))
    const seeded = await devTwins()
    expect(seeded.map((t) => t.status).sort()).toEqual(["issued", "submitted"])
    const toMint = seeded.find((t) => t.status === "submitted")!.token_id

    const run1 = await reconcileDevChain({ databaseUrl: db.url, rpcUrl: first.chain.url, minterKey: SERVER_KEY, deploymentsDir: first.deploymentsDir, log: () => undefined })
    expect(run1).toEqual({ freshChain: true, minted: [toMint] })
    server = await startServer(db.url, envFor(first.chain, first.deploymentsDir))
    await waitForStatus(toMint, "minted")
    expect((await devTwins()).find((t) => t.token_id === toMint)!.owner_address).toBe(DEV_WALLET.toLowerCase())
    // Nothing to do when the chain is the same one.
    expect(await reconcileDevChain({ databaseUrl: db.url, rpcUrl: first.chain.url, minterKey: SERVER_KEY, deploymentsDir: first.deploymentsDir, log: () => undefined })).toEqual({
      freshChain: false,
      minted: [],
    })
    await server.stop()
    await first.chain.stop()

    const second = await freshChain()
    chain = second.chain
    const run2 = await reconcileDevChain({ databaseUrl: db.url, rpcUrl: second.chain.url, minterKey: SERVER_KEY, deploymentsDir: second.deploymentsDir, log: () => undefined })
    expect(run2).toEqual({ freshChain: true, minted: [toMint] })
    server = await startServer(db.url, envFor(second.chain, second.deploymentsDir))
    await waitForStatus(toMint, "minted")
    const owner = await second.chain.publicClient.readContract({ address: second.chain.twin.address, abi: pvaTwinAbi, functionName: "ownerOf", args: [BigInt(toMint)] })
    expect(owner).toBe(DEV_WALLET)
    const events = await query(db.url, `SELECT e.kind, e.tx_hash FROM digital_twin_event e JOIN digital_twin t ON t.id = e.twin_id WHERE t.token_id = $1 ORDER BY e.id`, [toMint])
    expect(events.filter((e) => e.kind === "minted")).toHaveLength(1)
    const [{ n }] = await query(db.url, `SELECT count(*)::int AS n FROM chain_cursor WHERE chain_id = 31337 AND block_number > $1`, [await second.chain.head()])
    expect(n).toBe(0)
  })
})
