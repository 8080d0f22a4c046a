// npm run bench -w @pva/medusa-plugin-chain-sync
//
// On a local hardhat node: generates BENCH_EVENTS (default 50,000) PVATwin Transfer events,
// then measures
//   1. backfill throughput of the sync engine (events/s into Postgres, confirmed and announced),
//   2. the naive baseline in the same run: viem watchContractEvent, one INSERT per log,
//   (each BENCH_RUNS times, default 3, on fresh databases; the medians are compared)
//   3. realtime lag at depth 0: transaction mined -> chain.log.confirmed emitted (p50/p95).
import { pvaTwinAbi } from "@pva/contracts"
import type { Abi, Hash } from "viem"
import { FailoverRpc } from "../src/lib/rpc-failover"
import { SyncEngine } from "../src/lib/sync-engine"
import { ALICE, BOB, startChain, specsFor } from "@pva/test-support/chain"
import { createTestDatabase } from "../test-support/database"

const EVENTS = Number(process.env.BENCH_EVENTS || 50_000)
const LAG_SAMPLES = Number(process.env.BENCH_LAG_SAMPLES || 100)
const POLL_MS = Number(process.env.BENCH_POLL_INTERVAL_MS || 250)
const NAIVE_BLOCKS = Number(process.env.BENCH_NAIVE_BLOCKS || 40)
const RUNS = Number(process.env.BENCH_RUNS || 3)
const quiet = { info: () => undefined, warn: (m: string) => console.error(m), error: (m: unknown) => console.error(m) }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function main() {
  const chain = await startChain()
  const cleanups: Array<() => Promise<unknown>> = [() => chain.stop()]
  try {
    let t = Date.now()
    await chain.mintAndTransfer(EVENTS / 2, { perTx: 250 })
    const head = await chain.head()
    const transfers = (await chain.canonicalLogs()).length
    console.error(`generated ${transfers} logs (${EVENTS} Transfer) in ${((Date.now() - t) / 1000).toFixed(1)} s, head ${head}`)
    // What reading the logs alone costs on this node (no decoding, no database): the floor under any backfill.
    t = Date.now()
    await chain.canonicalLogs()
    const rpcFloorRate = transfers / ((Date.now() - t) / 1000)
    console.error(`eth_getLogs alone, 20-block ranges: ${Math.round(rpcFloorRate)} events/s`)

    // 1. The sync engine: backfill from the deployment block, depth 0, every log announced.
    // Each measure runs RUNS times on a fresh database and the median counts (the first run of
    // a process also pays for JIT warm-up); every run is printed.
    const backfills: Array<{ seconds: number; stored: number }> = []
    let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined
    for (let run = 0; run < RUNS; run++) {
      const runDb = await createTestDatabase(`bench_${run}`)
      cleanups.push(() => runDb.drop())
      let announced = 0
      const engine = new SyncEngine({
        pool: runDb.pool,
        rpc: new FailoverRpc({ urls: [chain.url] }),
        chainId: 31337,
        contracts: specsFor(chain),
        confirmations: 0,
        emit: () => {
          announced++
        },
        logger: quiet,
      })
      // As the CLI and the Medusa service run it: holding the one-follower-per-chain lock.
      if (!(await engine.acquireLock())) throw new Error("the follower lock is taken")
      t = Date.now()
      await engine.syncTo()
      await engine.drainOutbox()
      const seconds = (Date.now() - t) / 1000
      await engine.releaseLock()
      const { rows: [{ n: stored }] } = await runDb.pool.query(`SELECT count(*)::int AS n FROM chain_log`)
      if (announced !== stored) throw new Error(`${stored} logs stored but ${announced} announced`)
      backfills.push({ seconds, stored })
      console.error(`sync engine backfill, run ${run + 1}: ${stored} logs stored and announced in ${seconds.toFixed(2)} s = ${Math.round(stored / seconds)} events/s`)
      db = runDb
    }
    const stored = backfills[0].stored
    const backfillSeconds = median(backfills.map((b) => b.seconds))
    const backfillRate = stored / backfillSeconds

    // 2. Naive baseline: viem watchContractEvent, one INSERT per log, over the last
    // NAIVE_BLOCKS blocks: its first eth_getLogs spans the whole range, and for all 50,000
    // events that one response is larger than viem accepts (10 MB), so it measures a rate
    // on a sample instead.
    const naiveFrom = Math.max(chain.twin.blockNumber, head - NAIVE_BLOCKS + 1)
    const {
      rows: [{ n: naiveExpected }],
    } = await db!.pool.query(`SELECT count(*)::int AS n FROM chain_log WHERE block_number >= $1 AND contract_address = $2`, [
      naiveFrom,
      chain.twin.address.toLowerCase(),
    ])
    const naiveRuns: number[] = []
    let naiveStored = 0
    for (let run = 0; run < RUNS; run++) {
      const naiveDb = await createTestDatabase(`bench_naive_${run}`)
      cleanups.push(() => naiveDb.drop())
      t = Date.now()
      naiveStored = 0
      await new Promise<void>((resolve, reject) => {
        const unwatch = chain.publicClient.watchContractEvent({
          address: chain.twin.address,
          abi: pvaTwinAbi as Abi,
          fromBlock: BigInt(naiveFrom),
          pollingInterval: 50,
          onError: (e) => {
            unwatch()
            reject(e)
          },
          onLogs: async (logs) => {
            for (const log of logs as any[]) {
              await naiveDb.pool.query(
                `INSERT INTO chain_log (chain_id, block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, status)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'confirmed') ON CONFLICT DO NOTHING`,
                [31337, log.blockHash, log.logIndex, Number(log.blockNumber), log.transactionHash, log.transactionIndex, log.address.toLowerCase(), log.eventName,
                  JSON.stringify(log.args, (_k, v) => (typeof v === "bigint" ? v.toString() : v))],
              )
              naiveStored++
            }
            if (naiveStored >= naiveExpected) {
              unwatch()
              resolve()
            }
          },
        })
      })
      const seconds = (Date.now() - t) / 1000
      naiveRuns.push(seconds)
      console.error(`naive watchContractEvent + INSERT per log, run ${run + 1}: ${naiveStored} logs in ${seconds.toFixed(2)} s = ${Math.round(naiveStored / seconds)} events/s`)
    }
    const naiveSeconds = median(naiveRuns)
    const naiveRate = naiveStored / naiveSeconds

    // 3. Realtime lag at depth 0: one transfer per block, mined at once (automine).
    const seenAt = new Map<string, number>()
    const live = new SyncEngine({
      pool: db!.pool,
      rpc: new FailoverRpc({ urls: [chain.url] }),
      chainId: 31337,
      contracts: specsFor(chain),
      confirmations: 0,
      pollIntervalMs: POLL_MS,
      emit: (_name, payload) => {
        if (!seenAt.has(payload.transaction_hash)) seenAt.set(payload.transaction_hash, Date.now())
      },
      logger: quiet,
    })
    if (!(await live.acquireLock())) throw new Error("the follower lock is taken")
    const running = live.start()
    cleanups.unshift(async () => {
      await live.stop()
      await running
      await live.releaseLock()
    })
    const minedAt = new Map<string, number>()
    const firstId = (EVENTS / 2) + 1
    for (let i = 0; i < LAG_SAMPLES; i++) {
      // Spread the sends over the poll interval so the samples see every phase of it.
      await new Promise((r) => setTimeout(r, Math.random() * POLL_MS))
      const hash: Hash = await chain.wallet.writeContract({
        address: chain.twin.address,
        abi: pvaTwinAbi,
        functionName: "transferFrom",
        args: [ALICE, BOB, BigInt(firstId - 1 - i)],
        account: ALICE,
      })
      minedAt.set(hash, Date.now()) // automine: the block exists once eth_sendTransaction returns
    }
    const deadline = Date.now() + 30_000
    while ([...minedAt.keys()].some((h) => !seenAt.has(h)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    const lags = [...minedAt].filter(([h]) => seenAt.has(h)).map(([h, at]) => seenAt.get(h)! - at)
    const p50 = percentile(lags, 50)
    const p95 = percentile(lags, 95)
    console.error(`realtime lag (depth 0, poll ${POLL_MS} ms): ${lags.length}/${LAG_SAMPLES} samples, p50 ${p50} ms, p95 ${p95} ms, max ${Math.max(...lags)} ms`)

    const result = {
      runs: RUNS,
      events: stored,
      backfill_seconds: Number(backfillSeconds.toFixed(2)),
      backfill_runs_seconds: backfills.map((b) => Number(b.seconds.toFixed(2))),
      backfill_events_per_s: Math.round(backfillRate),
      naive_events: naiveStored,
      naive_seconds: Number(naiveSeconds.toFixed(2)),
      naive_runs_seconds: naiveRuns.map((x) => Number(x.toFixed(2))),
      naive_events_per_s: Math.round(naiveRate),
      rpc_read_only_events_per_s: Math.round(rpcFloorRate),
      ratio: Number((backfillRate / naiveRate).toFixed(1)),
      lag_poll_interval_ms: POLL_MS,
      lag_samples: lags.length,
      lag_p50_ms: p50,
      lag_p95_ms: p95,
      goals: {
        backfill_10k_per_s: backfillRate >= 10_000,
        ten_times_naive: backfillRate >= 10 * naiveRate,
        lag_p95_under_1s: p95 < 1_000,
      },
    }
    console.log(JSON.stringify(result, null, 2))
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e) => console.error(e))
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
