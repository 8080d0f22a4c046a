import { pvaSharesAbi, pvaTwinAbi } from "@pva/contracts"
import type { Abi } from "viem"
import { FailoverRpc } from "../rpc-failover"
import { SyncEngine } from "../sync-engine"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { startRpcProxy } from "@pva/test-support/rpc-proxy"

const stack = useChainAndDatabase("malformed")
beforeAll(async () => {
  await stack.chain.mintAndTransfer(40, { perTx: 20 })
  await stack.chain.sharesActivity(1n)
})

describe("malformed and foreign logs", () => {
  it("are ignored and counted, and never stop the loop", async () => {
    const proxy = await startRpcProxy(stack.chain.url)
    proxy.behaviour.injectJunk = true
    const warnings: string[] = []
    try {
      const engine = new SyncEngine({
        pool: stack.db.pool,
        rpc: new FailoverRpc({ urls: [proxy.url] }),
        chainId: 31337,
        contracts: [
          { name: "PVATwin", address: stack.chain.twin.address, abi: pvaTwinAbi as Abi, startBlock: stack.chain.twin.blockNumber },
          // Only share movements: OfferingCreated, EligibilitySet and RoleGranted are unknown topics here.
          { name: "PVAShares", address: stack.chain.shares.address, abi: pvaSharesAbi as Abi, events: ["TransferSingle", "TransferBatch"], startBlock: stack.chain.shares.blockNumber },
        ],
        confirmations: 0,
        emit: () => undefined,
        logger: { info: () => undefined, warn: (m: string) => warnings.push(m), error: console.error },
      })
      await engine.syncTo()
      expect(proxy.stats.injected).toBeGreaterThan(0)

      const wanted = (await stack.chain.canonicalLogs()).length
      const stored = await storedLogs(stack.db.pool)
      const sharesRoleEvents = stored.filter((l) => l.contract_address === stack.chain.shares.address.toLowerCase())
      expect(sharesRoleEvents.map((l) => l.event_name)).toEqual(["TransferSingle"])
      // every real log of PVATwin, the one share transfer, nothing else
      const twinLogs = stored.filter((l) => l.contract_address === stack.chain.twin.address.toLowerCase())
      expect(twinLogs.filter((l) => l.event_name === "Transfer")).toHaveLength(80)
      expect(stored.every((l) => l.log_index < 1000)).toBe(true)
      expect(stored.length).toBeLessThan(wanted)

      expect(engine.ignored.foreign).toBeGreaterThan(0)
      expect(engine.ignored.malformed).toBeGreaterThan(0)
      expect(engine.ignored.unknownTopic).toBeGreaterThan(0)
      const { rows } = await stack.db.pool.query(`SELECT contract_name, logs_ignored::int AS ignored, last_error FROM chain_cursor ORDER BY contract_name`)
      expect(rows.find((r) => r.contract_name === "PVAShares").ignored).toBeGreaterThanOrEqual(5) // RoleGranted ×3, OfferingCreated, EligibilitySet
      expect(rows.find((r) => r.contract_name === "PVATwin").ignored).toBeGreaterThan(0)
      expect(rows.every((r) => r.last_error === null)).toBe(true)
      const head = await stack.chain.head()
      const { rows: cursors } = await stack.db.pool.query(`SELECT block_number::int AS b FROM chain_cursor`)
      expect(cursors.every((c) => c.b === head)).toBe(true)
    } finally {
      await proxy.close()
    }
  })
})
