#!/usr/bin/env node
// pva-chain-sync: backfill and status from the command line, against the same tables the
// Medusa plugin uses. Reads DATABASE_URL, CHAIN_RPC_URLS / CHAIN_RPC_URL, CHAIN_ID,
// CHAIN_CONFIRMATIONS, CHAIN_RPC_STALL_TIMEOUT_MS and CHAIN_DEPLOYMENTS_DIR.
import { Pool } from "pg"
import { contractSpecs, resolveSettings } from "./lib/config"
import { FailoverRpc } from "./lib/rpc-failover"
import { ensureSchema } from "./lib/schema"
import { readStatus } from "./lib/status"
import { SyncEngine, type RangeProgress } from "./lib/sync-engine"
import { ProgressBar, runCli } from "@pva/medusa-kit"

const USAGE = `usage: pva-chain-sync <command> [options]

commands:
  migrate                      create the chain_cursor / chain_log / chain_block tables if missing
  backfill [--from N] [--to N] [--max-range N]
                               read logs up to --to (default: the head) and store them; resumes
                               from the stored cursor (--from only places new cursors)
  status [--json]              head, cursor, lag, last error and logs ingested per contract
`

function parseArgs(argv: string[]): { command: string; flags: Record<string, string | true> } {
  const [command = "", ...rest] = argv
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"`)
    const [key, inline] = arg.slice(2).split("=", 2)
    if (inline !== undefined) flags[key] = inline
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith("--")) flags[key] = rest[++i]
    else flags[key] = true
  }
  return { command, flags }
}

function intFlag(flags: Record<string, string | true>, name: string): number | undefined {
  const raw = flags[name]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (raw === true || !Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a block number`)
  return value
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error("DATABASE_URL is not set")
  return url
}

/** How far a backfill is: blocks done of the range asked for, and logs stored. */
class BackfillProgress {
  private readonly bar = new ProgressBar()
  private stored = 0

  constructor(private readonly firstBlock: number) {}

  update(p: RangeProgress) {
    this.stored += p.stored
    const span = Math.max(1, p.target - this.firstBlock + 1)
    const done = Math.min(1, Math.max(0, (p.toBlock - this.firstBlock + 1) / span))
    this.bar.draw(done, `block ${p.toBlock}/${p.target}  ${this.stored} logs  ${this.rate()} events/s`)
  }

  finish() {
    this.bar.finish(`done: ${this.stored} logs in ${this.bar.seconds.toFixed(1)} s (${this.rate()} events/s)`)
  }

  private rate() {
    return Math.round(this.stored / this.bar.seconds)
  }
}

async function main(argv: string[]): Promise<number> {
  const { command, flags } = parseArgs(argv)
  if (!command || command === "help" || flags.help) {
    process.stdout.write(USAGE)
    return command ? 0 : 1
  }
  const settings = resolveSettings()
  const pool = new Pool({ connectionString: databaseUrl(), max: 4, application_name: "pva-chain-sync" })
  // An idle connection ended by PostgreSQL is only a warning; the next query fails or reconnects.
  pool.on("error", (err) => process.stderr.write(`database connection lost: ${err.message}\n`))
  try {
    if (command === "migrate") {
      await ensureSchema(pool)
      process.stdout.write("chain-sync tables ready\n")
      return 0
    }
    if (command === "status") {
      const status = await readStatus(async (sql, params) => (await pool.query(sql, params)).rows, settings.chainId)
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`)
        return 0
      }
      for (const c of status.contracts) {
        process.stdout.write(
          `${c.contract_name.padEnd(10)} ${c.contract_address}  head ${c.head ?? "?"}  cursor ${c.cursor}  lag ${c.lag ?? "?"}  ` +
            `logs ${c.logs_ingested} (ignored ${c.logs_ignored})  reorgs ${c.reorgs}${c.last_error ? `  last error: ${c.last_error}` : ""}\n`,
        )
      }
      process.stdout.write(
        `logs: ${status.logs.confirmed} confirmed, ${status.logs.seen} seen, ${status.logs.removed} removed; ` +
          `${status.pending_notifications} notification(s) pending\n`,
      )
      return 0
    }
    if (command === "backfill") {
      const from = intFlag(flags, "from")
      const to = intFlag(flags, "to")
      const maxRange = intFlag(flags, "max-range")
      const specs = contractSpecs(settings).map((s) => (from === undefined ? s : { ...s, startBlock: from }))
      const rpc = new FailoverRpc({
        urls: settings.rpcUrls,
        stallTimeoutMs: settings.stallTimeoutMs,
        onFailover: (e) => process.stderr.write(`rpc failover: ${e.reason}${e.to ? ", trying the next endpoint" : ""}\n`),
      })
      let progress: BackfillProgress | undefined
      const engine = new SyncEngine({
        pool,
        rpc,
        chainId: settings.chainId,
        contracts: specs,
        confirmations: settings.confirmations,
        maxRange: maxRange ?? undefined,
        initialRange: maxRange ? Math.min(100, maxRange) : undefined,
        logger: { info: (m: string) => process.stderr.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`), error: console.error },
        onRange: (p) => {
          progress ??= new BackfillProgress(p.fromBlock)
          progress.update(p)
        },
      })
      if (!(await engine.acquireLock())) throw new Error(`another process is syncing chain ${settings.chainId}`)
      let interrupted = false
      const onSignal = () => {
        interrupted = true
      }
      process.once("SIGINT", onSignal)
      process.once("SIGTERM", onSignal)
      try {
        await engine.syncTo(to, () => interrupted)
      } finally {
        await engine.releaseLock()
      }
      if (progress) progress.finish()
      else process.stderr.write("nothing to do: the cursor is at the target\n")
      const ignored = engine.ignored
      if (ignored.foreign + ignored.unknownTopic + ignored.malformed) {
        process.stderr.write(
          `ignored logs: ${ignored.foreign} foreign, ${ignored.unknownTopic} unknown topic, ${ignored.malformed} malformed\n`,
        )
      }
      return interrupted ? 130 : 0
    }
    throw new Error(`unknown command "${command}"\n${USAGE}`)
  } finally {
    await pool.end()
  }
}

if (require.main === module) runCli("pva-chain-sync", main)

export { main }
