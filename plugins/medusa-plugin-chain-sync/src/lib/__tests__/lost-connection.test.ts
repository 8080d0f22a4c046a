// PostgreSQL ending the follower's connections (a restart, a failover, pg_terminate_backend):
// the lock goes with its connection, the engine stops instead of crashing the process, a
// follower takes the lock again, and no log is lost or announced twice.
import { terminateConnections } from "@pva/test-support/database"
import { waitFor } from "@pva/test-support/wait"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { engineOn, recordInto } from "../../../test-support/engine"
import { RangeStore } from "../range-store"
import { LockLostError, type ChainLogEvent } from "../sync-engine"

const stack = useChainAndDatabase("lost_connection")

describe("when PostgreSQL ends the follower's connections", () => {
  it("the engine stops with LockLostError, another takes the lock, and every log is announced exactly once", async () => {
    const emitted: Array<[string, ChainLogEvent]> = []
    const first = engineOn(stack, { pollIntervalMs: 50, emit: recordInto(emitted) })
    const second = engineOn(stack, { pollIntervalMs: 50, emit: recordInto(emitted) })
    expect(await first.acquireLock()).toBe(true)
    expect(await second.acquireLock()).toBe(false)
    const stopped = first.start().then(
      () => "returned",
      (error) => error,
    )
    await stack.chain.mintAndTransfer(4, { perTx: 2 })
    await waitFor(async () => emitted.length === (await stack.chain.canonicalLogs()).length, 10_000, "the first follower caught up")

    expect(await terminateConnections(stack.db.url)).toBeGreaterThanOrEqual(1)
    expect(await stopped).toBeInstanceOf(LockLostError)
    expect(first.holdsLock).toBe(false)
    // The pool drops its idle clients whose connections ended once their sockets report it.
    await waitFor(() => stack.db.pool.idleCount === 0, 10_000, "the pool dropped its ended connections")

    // The lock went with the connection: another follower (or the same one) takes it and goes on.
    expect(await second.acquireLock()).toBe(true)
    expect(await first.acquireLock()).toBe(false)
    const resumed = second.start()
    try {
      const receipt = await stack.chain.mintOne()
      await waitFor(() => emitted.some(([, e]) => e.transaction_hash === receipt.transactionHash), 10_000, "the mint after the loss announced")
      const canonical = await stack.chain.canonicalLogs()
      expect(await storedLogs(stack.db.pool, "status = 'confirmed'")).toHaveLength(canonical.length)
      const ids = emitted.map(([, e]) => e.id)
      expect(ids).toHaveLength(canonical.length)
      expect(new Set(ids).size).toBe(ids.length)
    } finally {
      await second.stop()
      await resumed
      await second.releaseLock()
    }
  })

  it("a range read before the lock was lost is not stored over a cursor another follower moved on", async () => {
    const engine = engineOn(stack)
    await engine.init()
    const twin = stack.chain.twin.address.toLowerCase()
    const [{ block_number }] = (await stack.db.pool.query(`SELECT block_number::int FROM chain_cursor WHERE contract_address = $1`, [twin])).rows
    // Meanwhile the follower holding the lock moved the cursor on.
    await stack.db.pool.query(`UPDATE chain_cursor SET block_number = block_number + 5 WHERE contract_address = $1`, [twin])
    const store = new RangeStore(stack.db.pool, 31337, 0, 1_024)
    const from = block_number + 1
    await expect(
      store.commit({
        addresses: [twin],
        from,
        to: from,
        first: null,
        end: { number: from, hash: `0x${"ab".repeat(32)}`, parentHash: `0x${"cd".repeat(32)}` },
        head: from,
        rows: [],
        copy: "",
        ignoredByContract: new Map(),
      }),
    ).rejects.toThrow(/cursors moved/)
    const [after] = (await stack.db.pool.query(`SELECT block_number::int FROM chain_cursor WHERE contract_address = $1`, [twin])).rows
    expect(after.block_number).toBe(block_number + 5)
  })
})
