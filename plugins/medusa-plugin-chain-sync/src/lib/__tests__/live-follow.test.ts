import { FailoverRpc } from "../rpc-failover"
import { CHAIN_LOG_CONFIRMED, SyncEngine, type ChainLogEvent } from "../sync-engine"
import { ALICE, BOB, startChain, specsFor, type TestChain } from "../../../test-support/chain"
import { createTestDatabase, storedLogs, type TestDatabase } from "../../../test-support/database"
import { waitFor } from "../../../test-support/wait"

let chain: TestChain
let db: TestDatabase

beforeAll(async () => {
  ;[chain, db] = await Promise.all([startChain(), createTestDatabase("follow")])
})
afterAll(async () => {
  await Promise.all([chain?.stop(), db?.drop()])
})

describe("live follow", () => {
  it("a transfer made on chain produces chain.log.confirmed once it is `confirmations` deep, exactly once", async () => {
    await chain.mintOne(ALICE)
    const tokenId = chain.nextTokenId - 1n
    const emitted: Array<[string, ChainLogEvent]> = []
    const engine = new SyncEngine({
      pool: db.pool,
      rpc: new FailoverRpc({ urls: [chain.url] }),
      chainId: 31337,
      contracts: specsFor(chain),
      confirmations: 2,
      pollIntervalMs: 50,
      emit: (name, payload) => {
        emitted.push([name, payload])
      },
      logger: { info: () => undefined, warn: () => undefined, error: console.error },
    })
    // As the Medusa service runs it: holding the follower lock (announcing from what it committed).
    expect(await engine.acquireLock()).toBe(true)
    const running = engine.start()
    try {
      await chain.evmMine(2)
      await waitFor(async () => emitted.some(([, p]) => p.event_name === "Transfer"), 10_000, "the mint confirmed")

      const receipt = await chain.transfer(ALICE, BOB, tokenId)
      const isOurs = ([, p]: [string, ChainLogEvent]) => p.transaction_hash === receipt.transactionHash
      await waitFor(async () => (await storedLogs(db.pool, `tx_hash = '${receipt.transactionHash}'`)).length === 1, 10_000, "the transfer stored")
      await new Promise((r) => setTimeout(r, 200))
      expect(emitted.filter(isOurs)).toEqual([]) // 0 deep
      await chain.evmMine(1)
      await new Promise((r) => setTimeout(r, 200))
      expect(emitted.filter(isOurs)).toEqual([]) // 1 deep
      await chain.evmMine(1)
      await waitFor(() => emitted.some(isOurs), 10_000, "the transfer confirmed")
      const [[name, payload]] = emitted.filter(isOurs)
      expect(name).toBe(CHAIN_LOG_CONFIRMED)
      expect(payload).toMatchObject({
        chain_id: 31337,
        contract_name: "PVATwin",
        contract_address: chain.twin.address.toLowerCase(),
        event_name: "Transfer",
        args: { from: ALICE, to: BOB, tokenId: tokenId.toString() },
        block_number: Number(receipt.blockNumber),
        block_hash: receipt.blockHash,
        transaction_hash: receipt.transactionHash,
      })
      expect(payload.id).toBe(`31337:${receipt.blockHash}:${payload.log_index}`)

      await chain.evmMine(3)
      await new Promise((r) => setTimeout(r, 300))
      expect(emitted.filter(isOurs)).toHaveLength(1)
      const { rows } = await db.pool.query(`SELECT head_block::int AS head, block_number::int AS cursor FROM chain_cursor`)
      const head = await chain.head()
      for (const r of rows) expect(r).toEqual({ head, cursor: head })
    } finally {
      await engine.stop()
      await running
      await engine.releaseLock()
    }
  })
})
