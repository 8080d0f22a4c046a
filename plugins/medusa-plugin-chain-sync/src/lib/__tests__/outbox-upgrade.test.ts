// A database that ran the first schema, where every announced log carried a per-row mark,
// moves to the per-contract watermark without re-announcing or skipping anything.
import { CHAIN_SYNC_SCHEMA_V1, CHAIN_SYNC_SCHEMA_V2 } from "../schema"
import { readStatus } from "../status"
import { CHAIN_LOG_CONFIRMED, type ChainLogEvent } from "../sync-engine"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { engineOn, recordInto } from "../../../test-support/engine"

const stack = useChainAndDatabase("upgrade", { schema: false })

const follower = (emitted?: Array<[string, ChainLogEvent]>) => engineOn(stack, { emit: emitted && recordInto(emitted) })

it("announces exactly the logs the old per-row outbox had not told consumers of", async () => {
  for (const statement of CHAIN_SYNC_SCHEMA_V1) await stack.db.pool.query(statement)
  await stack.chain.mintAndTransfer(40, { perTx: 10 })
  await follower().syncTo() // stored and confirmed, nobody told yet

  // What the first schema's drain would have left: the oldest logs of each contract marked told.
  const stored = await storedLogs(stack.db.pool)
  const told = stored.slice(0, 30)
  await stack.db.pool.query(
    `UPDATE chain_log SET notified = 'confirmed' WHERE block_hash || ':' || log_index = ANY($1)`,
    [told.map((l) => `${l.block_hash}:${l.log_index}`)],
  )

  for (const statement of CHAIN_SYNC_SCHEMA_V2) await stack.db.pool.query(statement)
  expect((await readStatus((sql, params) => stack.db.pool.query(sql, params).then((r) => r.rows))).pending_notifications).toBe(
    stored.length - told.length,
  )

  const emitted: Array<[string, ChainLogEvent]> = []
  await follower(emitted).drainOutbox()
  expect(emitted.every(([name]) => name === CHAIN_LOG_CONFIRMED)).toBe(true)
  expect(emitted.map(([, p]) => `${p.block_hash}:${p.log_index}`)).toEqual(
    stored.slice(told.length).map((l) => `${l.block_hash}:${l.log_index}`),
  )

  // New logs after the upgrade are announced once, and nothing old comes back.
  const receipt = await stack.chain.mintOne()
  const later: Array<[string, ChainLogEvent]> = []
  const engine = follower(later)
  await engine.syncTo()
  await engine.drainOutbox()
  expect(later.map(([, p]) => p.transaction_hash)).toEqual([receipt.transactionHash])
  expect((await readStatus((sql, params) => stack.db.pool.query(sql, params).then((r) => r.rows))).pending_notifications).toBe(0)
})
