import { FailoverRpc } from "../rpc-failover"
import type { ChainLogEvent } from "../sync-engine"
import { freePort } from "@pva/test-support/database"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { engineOn } from "../../../test-support/engine"
import { startRpcProxy, startStallingServer } from "@pva/test-support/rpc-proxy"
import { waitFor } from "@pva/test-support/wait"

const stack = useChainAndDatabase("failover")

beforeAll(async () => {
  await stack.chain.mintAndTransfer(100, { perTx: 20 })
})
beforeEach(async () => {
  await stack.db.pool.query("TRUNCATE chain_log, chain_cursor, chain_block")
})

async function expectComplete() {
  const canonical = (await stack.chain.canonicalLogs()).map((l) => `${l.block_hash}:${l.log_index}`)
  expect((await storedLogs(stack.db.pool)).map((l) => `${l.block_hash}:${l.log_index}`)).toEqual(canonical)
}

describe("RPC failover", () => {
  it("a dead first URL (connection refused) hands over to the second", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`
    const failovers: string[] = []
    const rpc = new FailoverRpc({ urls: [dead, stack.chain.url], onFailover: (e) => failovers.push(e.reason) })
    await engineOn(stack, { rpc }).syncTo()
    await expectComplete()
    expect(rpc.activeUrl).toBe(stack.chain.url)
    expect(failovers).toHaveLength(1) // it stays on the working endpoint
    expect(failovers[0]).toMatch(/ECONNREFUSED/)
  })

  it("a first URL that accepts connections but never answers is left after the stall timeout", async () => {
    const stalling = await startStallingServer()
    try {
      const rpc = new FailoverRpc({ urls: [stalling.url, stack.chain.url], stallTimeoutMs: 300 })
      const started = Date.now()
      await engineOn(stack, { rpc }).syncTo()
      expect(Date.now() - started).toBeLessThan(5_000)
      await expectComplete()
      expect(rpc.activeUrl).toBe(stack.chain.url)
      expect(rpc.lastFailure).toMatch(/stalled for 300 ms/)
    } finally {
      await stalling.close()
    }
  })

  it("a follower keeps delivering when its endpoint starts stalling mid-run", async () => {
    const proxy = await startRpcProxy(stack.chain.url)
    const emitted: ChainLogEvent[] = []
    const engine = engineOn(stack, {
      rpc: new FailoverRpc({ urls: [proxy.url, stack.chain.url], stallTimeoutMs: 300 }),
      pollIntervalMs: 50,
      emit: (_name, payload) => {
        emitted.push(payload)
      },
    })
    const running = engine.start()
    try {
      await waitFor(async () => (await storedLogs(stack.db.pool)).length > 0 && emitted.length === (await storedLogs(stack.db.pool)).length)
      proxy.behaviour.stall = true
      const receipt = await stack.chain.mintOne()
      await waitFor(async () => emitted.some((e) => e.transaction_hash === receipt.transactionHash))
      expect(proxy.stats.requests).toBeGreaterThan(0)
      await expectComplete()
    } finally {
      await engine.stop()
      await running
      await proxy.close()
    }
  })
})

describe("RPC that refuses wide eth_getLogs ranges", () => {
  it("halves the range until the node accepts it and still reads every log", async () => {
    const proxy = await startRpcProxy(stack.chain.url)
    proxy.behaviour.maxLogRange = 3
    try {
      const engine = engineOn(stack, { rpc: new FailoverRpc({ urls: [proxy.url] }), initialRange: 64 })
      await engine.syncTo()
      expect(proxy.stats.refused).toBeGreaterThan(0)
      await expectComplete()
    } finally {
      await proxy.close()
    }
  })
})
