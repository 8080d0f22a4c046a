// The contracts one engine follows, keyed by lower-case address, each with a decoder for every
// event topic it stores.
import { toEventSelector, type Abi } from "viem"
import { compileLogDecoder, type LogDecoder } from "./log-decoder"

export interface ContractSpec {
  name: string
  address: string
  abi: Abi
  /** Event names to store; default: every event in the ABI. Other topics are ignored and counted. */
  events?: string[]
  /** First block to scan (the deployment block). */
  startBlock: number
}

export interface WatchedContract {
  spec: ContractSpec
  /** By topic0 (lower case). */
  events: Map<string, LogDecoder>
}

export class WatchedContracts {
  private readonly byAddress = new Map<string, WatchedContract>()

  constructor(specs: ContractSpec[]) {
    for (const spec of specs) {
      const events = new Map<string, LogDecoder>()
      for (const item of spec.abi) {
        if (item.type !== "event") continue
        if (spec.events && !spec.events.includes(item.name)) continue
        events.set(toEventSelector(item).toLowerCase(), compileLogDecoder(item))
      }
      this.byAddress.set(spec.address.toLowerCase(), { spec, events })
    }
  }

  /** Lower-case addresses, as stored in chain_cursor and chain_log. */
  get addresses(): string[] {
    return [...this.byAddress.keys()]
  }

  get specs(): ContractSpec[] {
    return [...this.byAddress.values()].map((c) => c.spec)
  }

  get(address: string): WatchedContract | undefined {
    return this.byAddress.get(address)
  }

  nameOf(address: string): string {
    return this.byAddress.get(address)?.spec.name ?? address
  }

  /** The lowest start block: where a reorg deeper than the kept block hashes re-reads from. */
  get firstStartBlock(): number {
    return Math.min(...this.specs.map((s) => s.startBlock))
  }
}
