import { CHAIN_LOG_CONFIRMED, CHAIN_LOG_REMOVED, SyncEngine, type ChainLogEvent } from "../sync-engine"
import { BOB } from "@pva/test-support/chain"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { engineOn, recordInto } from "../../../test-support/engine"

const stack = useChainAndDatabase("reorg")

const follower = (confirmations: number, emitted: Array<[string, ChainLogEvent]>) =>
  engineOn(stack, { confirmations, emit: recordInto(emitted) })

const locked: SyncEngine[] = []
afterEach(async () => {
  for (const engine of locked.splice(0)) await engine.releaseLock()
})

async function sync(engine: SyncEngine) {
  // As the Medusa service runs it: holding the follower lock, so it announces from memory
  // what it commits, until a reorg sends it back to the table.
  if (!locked.includes(engine)) {
    expect(await engine.acquireLock()).toBe(true)
    locked.push(engine)
  }
  await engine.syncTo()
  await engine.drainOutbox()
}

/** The store's live rows equal the canonical chain exactly; everything else is marked removed. */
async function expectStoreEqualsChain() {
  const canonical = (await stack.chain.canonicalLogs()).map((l) => `${l.block_hash}:${l.log_index}`)
  const stored = await storedLogs(stack.db.pool)
  expect(stored.filter((l) => l.status !== "removed").map((l) => `${l.block_hash}:${l.log_index}`)).toEqual(canonical)
  const canonicalSet = new Set(canonical)
  const orphans = stored.filter((l) => !canonicalSet.has(`${l.block_hash}:${l.log_index}`))
  expect(orphans.every((l) => l.status === "removed")).toBe(true)
  return { stored, orphans }
}

/** Nobody hears `confirmed` twice for a log without a `removed` in between, nor `removed` for an unconfirmed one. */
function expectToldOnce(emitted: Array<[string, ChainLogEvent]>) {
  const state = new Map<string, string>()
  for (const [name, payload] of emitted) {
    const before = state.get(payload.id)
    if (name === CHAIN_LOG_CONFIRMED) expect(before === undefined || before === CHAIN_LOG_REMOVED).toBe(true)
    if (name === CHAIN_LOG_REMOVED) expect(before).toBe(CHAIN_LOG_CONFIRMED)
    state.set(payload.id, name)
  }
  return state
}

describe("reorgs", () => {
  it("depth 0: orphaned logs are marked removed, consumers hear removed once, the canonical history is re-ingested", async () => {
    await stack.chain.mintAndTransfer(20, { perTx: 10 })
    const emitted: Array<[string, ChainLogEvent]> = []
    const engine = follower(0, emitted)
    await sync(engine)
    const before = emitted.length

    const snapshot = await stack.chain.testClient.snapshot()
    await stack.chain.mintAndTransfer(30, { perTx: 10 }) // 6 blocks, 60 Transfer logs
    await stack.chain.evmMine(2)
    await sync(engine)
    const orphanedIds = emitted.slice(before).map(([, p]) => p.id)
    expect(orphanedIds).toHaveLength(60)

    await stack.chain.testClient.revert({ id: snapshot })
    for (let i = 0; i < 3; i++) await stack.chain.mintOne(BOB) // a different history, longer than the old one
    await stack.chain.evmMine(8)
    await sync(engine)

    const { orphans } = await expectStoreEqualsChain()
    expect(orphans.map((o) => `31337:${o.block_hash}:${o.log_index}`).sort()).toEqual([...orphanedIds].sort())
    const state = expectToldOnce(emitted)
    for (const id of orphanedIds) expect(state.get(id)).toBe(CHAIN_LOG_REMOVED)
    expect(emitted.filter(([n]) => n === CHAIN_LOG_REMOVED)).toHaveLength(60)
    const { rows } = await stack.db.pool.query(`SELECT reorgs FROM chain_cursor WHERE contract_name = 'PVATwin'`)
    expect(rows[0].reorgs).toBeGreaterThanOrEqual(1)

    // Syncing again tells nobody anything new.
    const count = emitted.length
    await sync(engine)
    expect(emitted).toHaveLength(count)
  })

  it("depth 2: a shorter replacement chain is noticed at the tip, and orphaned logs were never announced", async () => {
    const emitted: Array<[string, ChainLogEvent]> = []
    const engine = follower(2, emitted)
    await stack.chain.evmMine(2)
    await sync(engine)
    const base = emitted.length

    const snapshot = await stack.chain.testClient.snapshot()
    await stack.chain.mintOne()
    await stack.chain.mintOne()
    await sync(engine) // two seen logs: the newest is 0 deep, the other 1 deep
    expect(emitted).toHaveLength(base)
    const seen = await storedLogs(stack.db.pool, "status = 'seen'")
    expect(seen).toHaveLength(2)

    await stack.chain.testClient.revert({ id: snapshot })
    await stack.chain.evmMine(1) // the new chain is shorter than what we stored
    await sync(engine)
    const removed = await storedLogs(stack.db.pool, `status = 'removed' AND block_hash = ANY('{${seen.map((l) => l.block_hash).join(",")}}')`)
    expect(removed).toHaveLength(2)
    expect(emitted).toHaveLength(base)

    await stack.chain.mintOne(BOB)
    await stack.chain.evmMine(3)
    await sync(engine)
    await expectStoreEqualsChain()
    expectToldOnce(emitted)
    expect(emitted.slice(base).map(([n, p]) => [n, p.event_name, (p.args as any).to])).toEqual([[CHAIN_LOG_CONFIRMED, "Transfer", BOB]])
  })
})
