import { CHAIN_LOG_CONFIRMED, type ChainLogEvent } from "../sync-engine"
import { ALICE, BOB } from "@pva/test-support/chain"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { engineOn, recordInto } from "../../../test-support/engine"
import { waitFor } from "@pva/test-support/wait"

const stack = useChainAndDatabase("follow")

describe("live follow", () => {
  it("a transfer made on chain produces chain.log.confirmed once it is `confirmations` deep, exactly once", async () => {
    await stack.chain.mintOne(ALICE)
    const tokenId = stack.chain.nextTokenId - 1n
    const emitted: Array<[string, ChainLogEvent]> = []
    const engine = engineOn(stack, { confirmations: 2, pollIntervalMs: 50, emit: recordInto(emitted) })
    // As the Medusa service runs it: holding the follower lock (announcing from what it committed).
    expect(await engine.acquireLock()).toBe(true)
    const running = engine.start()
    try {
      await stack.chain.evmMine(2)
      await waitFor(async () => emitted.some(([, p]) => p.event_name === "Transfer"), 10_000, "the mint confirmed")

      const receipt = await stack.chain.transfer(ALICE, BOB, tokenId)
      const isOurs = ([, p]: [string, ChainLogEvent]) => p.transaction_hash === receipt.transactionHash
      await waitFor(async () => (await storedLogs(stack.db.pool, `tx_hash = '${receipt.transactionHash}'`)).length === 1, 10_000, "the transfer stored")
      await new Promise((r) => setTimeout(r, 200))
      expect(emitted.filter(isOurs)).toEqual([]) // 0 deep
      await stack.chain.evmMine(1)
      await new Promise((r) => setTimeout(r, 200))
      expect(emitted.filter(isOurs)).toEqual([]) // 1 deep
      await stack.chain.evmMine(1)
      await waitFor(() => emitted.some(isOurs), 10_000, "the transfer confirmed")
      const [[name, payload]] = emitted.filter(isOurs)
      expect(name).toBe(CHAIN_LOG_CONFIRMED)
      expect(payload).toMatchObject({
        chain_id: 31337,
        contract_name: "PVATwin",
        contract_address: stack.chain.twin.address.toLowerCase(),
        event_name: "Transfer",
        args: { from: ALICE, to: BOB, tokenId: tokenId.toString() },
        block_number: Number(receipt.blockNumber),
        block_hash: receipt.blockHash,
        transaction_hash: receipt.transactionHash,
      })
      expect(payload.id).toBe(`31337:${receipt.blockHash}:${payload.log_index}`)

      await stack.chain.evmMine(3)
      await new Promise((r) => setTimeout(r, 300))
      expect(emitted.filter(isOurs)).toHaveLength(1)
      const { rows } = await stack.db.pool.query(`SELECT head_block::int AS head, block_number::int AS cursor FROM chain_cursor`)
      const head = await stack.chain.head()
      for (const r of rows) expect(r).toEqual({ head, cursor: head })
    } finally {
      await engine.stop()
      await running
      await engine.releaseLock()
    }
  })
})
