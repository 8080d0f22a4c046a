// A sync engine as this plugin's suites build it: on the file's database and hardhat node
// (useChainAndDatabase), both PVA contracts watched, logs kept quiet; each test overrides what
// it is about (confirmations, emit, ranges, RPC endpoints, logger).
import { specsFor } from "@pva/test-support/chain"
import { FailoverRpc } from "../src/lib/rpc-failover"
import { SyncEngine, type ChainLogEvent, type Emit, type SyncEngineOptions } from "../src/lib/sync-engine"
import type { useChainAndDatabase } from "./database"

export const QUIET = { info: () => undefined, warn: () => undefined, error: console.error }

export function engineOn(stack: ReturnType<typeof useChainAndDatabase>, overrides: Partial<SyncEngineOptions> = {}) {
  return new SyncEngine({
    pool: stack.db.pool,
    rpc: new FailoverRpc({ urls: [stack.chain.url] }),
    chainId: 31337,
    contracts: specsFor(stack.chain),
    confirmations: 0,
    logger: QUIET,
    ...overrides,
  })
}

/** An `emit` that records each event as [name, payload] in `into`. */
export const recordInto =
  (into: Array<[string, ChainLogEvent]>): Emit =>
  (name, payload) => {
    into.push([name, payload])
  }
