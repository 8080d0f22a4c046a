import { CHAIN_LOG_CONFIRMED, type ChainLogEvent } from "../sync-engine"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { engineOn, recordInto } from "../../../test-support/engine"

const stack = useChainAndDatabase("backfill")

const engine = (emitted: Array<[string, ChainLogEvent]>, confirmations = 0) =>
  engineOn(stack, { confirmations, emit: recordInto(emitted), initialRange: 2 })

describe("backfill", () => {
  it("stores each of 2,000 mints and transfers once, confirms them once and leaves the cursor at the head", async () => {
    await stack.chain.mintAndTransfer(1_000)
    await stack.chain.sharesActivity(7n)
    await stack.chain.mine(300) // empty blocks: ranges have to grow to cross them quickly
    await stack.chain.mintOne()
    const head = await stack.chain.head()
    const canonical = await stack.chain.canonicalLogs()

    const emitted: Array<[string, ChainLogEvent]> = []
    const ranges: number[] = []
    const sync = engine(emitted)
    const rangeSizes = (sync as any).options
    rangeSizes.onRange = (p: { fromBlock: number; toBlock: number }) => ranges.push(p.toBlock - p.fromBlock + 1)
    expect(await sync.acquireLock()).toBe(true) // as the CLI and the Medusa service run it
    const started = Date.now()
    await sync.syncTo()
    await sync.drainOutbox()
    const seconds = (Date.now() - started) / 1000
    await sync.releaseLock()

    const stored = await storedLogs(stack.db.pool)
    expect(stored.map((l) => `${l.block_hash}:${l.log_index}`)).toEqual(canonical.map((l) => `${l.block_hash}:${l.log_index}`))
    const transfers = stored.filter((l) => l.event_name === "Transfer")
    expect(transfers).toHaveLength(2_001)
    expect(stored.filter((l) => l.event_name === "TransferSingle")).toHaveLength(1)
    expect(stored.every((l) => l.status === "confirmed")).toBe(true)
    // args are decoded, bigints as decimal strings
    expect(transfers[0].args).toEqual({ from: "0x0000000000000000000000000000000000000000", to: stack.chain.batch.address, tokenId: "1" })

    const { rows: cursors } = await stack.db.pool.query(`SELECT contract_name, block_number::int AS block, block_hash, head_block::int AS head FROM chain_cursor ORDER BY contract_name`)
    const headBlock = await stack.chain.publicClient.getBlock({ blockNumber: BigInt(head) })
    for (const c of cursors) expect(c).toMatchObject({ block: head, block_hash: headBlock.hash, head })

    expect(emitted.filter(([n]) => n === CHAIN_LOG_CONFIRMED)).toHaveLength(stored.length)
    expect(new Set(emitted.map(([, p]) => p.id)).size).toBe(stored.length)
    expect(emitted[0][1]).toMatchObject({ contract_name: "PVATwin", event_name: "RoleGranted" })
    expect(Math.max(...ranges)).toBeGreaterThan(64) // ranges grew across the empty blocks
    console.log(`backfill: ${stored.length} logs in ${seconds.toFixed(2)} s over ${ranges.length} ranges`)

    // A restart, or replaying the whole range, neither stores nor emits anything twice (with or
    // without the lock, that is announcing from memory or from the table).
    const again: Array<[string, ChainLogEvent]> = []
    await engine(again).syncTo()
    const replay = engine(again)
    expect(await replay.acquireLock()).toBe(true)
    await replay.drainOutbox() // nothing pending: from here on it announces what it commits
    await stack.db.pool.query(`UPDATE chain_cursor SET block_number = start_block - 1, block_hash = NULL`)
    await replay.syncTo()
    await replay.drainOutbox()
    await replay.releaseLock()
    expect(again).toEqual([])
    expect(await storedLogs(stack.db.pool)).toHaveLength(stored.length)
  })
})
