// The Medusa side of the follower: wires the framework-free SyncEngine to the container's
// event bus and database. Registered as `chainSyncService`.
import { Pool } from "pg"
import type { EntityManager } from "typeorm"
import { contractSpecs, resolveSettings, type ChainSyncPluginOptions, type ChainSyncSettings } from "../lib/config"
import { FailoverRpc } from "../lib/rpc-failover"
import { readStatus, type ChainSyncStatus } from "../lib/status"
import { LockLostError, SyncEngine } from "../lib/sync-engine"

type Logger = { info: (m: string) => void; warn: (m: string) => void; error: (m: string | Error) => void }

interface Dependencies {
  manager: EntityManager
  eventBusService: { emit: (eventName: string, data: unknown) => Promise<unknown> }
  logger?: Logger
  configModule?: { projectConfig?: { database_url?: string } }
}

export default class ChainSyncService {
  static identifier = "chainSyncService"
  // One follower per process: Medusa would otherwise build a new instance per request scope.
  static LIFE_TIME = "SINGLETON"

  readonly settings: ChainSyncSettings
  private readonly manager: EntityManager
  private readonly eventBus: Dependencies["eventBusService"]
  private readonly logger: Logger
  private readonly databaseUrl: string | undefined
  private engine: SyncEngine | undefined
  private pool: Pool | undefined
  private running: Promise<void> | undefined

  constructor(container: Dependencies, options: ChainSyncPluginOptions = {}) {
    this.manager = container.manager
    this.eventBus = container.eventBusService
    this.logger = container.logger ?? console
    this.settings = resolveSettings(options)
    let configModule: Dependencies["configModule"]
    try {
      configModule = container.configModule
    } catch {
      configModule = undefined
    }
    this.databaseUrl = this.settings.databaseUrl ?? configModule?.projectConfig?.database_url
  }

  /** Head, cursor, lag, last error and logs ingested per contract. */
  async getStatus(): Promise<ChainSyncStatus & { following: boolean; rpc_url: string | null; last_error: string | null }> {
    const status = await readStatus((sql, params) => this.manager.query(sql, params), this.settings.chainId)
    return {
      ...status,
      following: !!this.running,
      rpc_url: this.engine ? redactUrl((this.engine as unknown as { options: { rpc: FailoverRpc } }).options.rpc.activeUrl) : null,
      last_error: this.engine?.lastError ?? null,
    }
  }

  /** Starts following the chain in this process (the loader does this when `follow` is set). */
  start(): void {
    if (this.running) return
    if (!this.databaseUrl) throw new Error("chain-sync: no database URL (projectConfig.database_url or DATABASE_URL)")
    // The follower holds a connection for its advisory lock and writes in batches: a small pool of
    // its own keeps that off Medusa's request pool.
    this.pool = new Pool({ connectionString: this.databaseUrl, max: 3, application_name: "pva-chain-sync" })
    this.pool.on("error", (err) => this.logger.warn(`chain-sync: database connection error: ${err.message}`))
    const rpc = new FailoverRpc({
      urls: this.settings.rpcUrls,
      stallTimeoutMs: this.settings.stallTimeoutMs,
      onFailover: (e) => this.logger.warn(`chain-sync: RPC failover (${e.reason})`),
    })
    const engine = new SyncEngine({
      pool: this.pool,
      rpc,
      chainId: this.settings.chainId,
      contracts: contractSpecs(this.settings),
      confirmations: this.settings.confirmations,
      pollIntervalMs: this.settings.pollIntervalMs,
      emit: (eventName, payload) => this.eventBus.emit(eventName, payload),
      logger: { info: (m) => this.logger.info(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    })
    this.engine = engine
    const follow = async () => {
      // Only one process per chain follows; the others wait for the lock.
      while (!(await engine.acquireLock())) {
        await new Promise((r) => setTimeout(r, 5_000))
        if (!this.running) return
      }
      this.logger.info(`chain-sync: following chain ${this.settings.chainId} from ${redactUrl(rpc.activeUrl)}`)
      try {
        await engine.start()
      } finally {
        await engine.releaseLock().catch(() => undefined)
      }
    }
    this.running = (async () => {
      // A database that refuses a connection for a moment (too many clients, a restart) must
      // not stop the follower for good: consumers (mint settlement, twins) depend on it.
      for (;;) {
        try {
          await follow()
          return
        } catch (err) {
          if (!this.running) return
          // The lock went with its connection (already logged): take it again at once.
          if (err instanceof LockLostError) continue
          this.logger.error(`chain-sync: follower failed, retrying in 5 s: ${(err as Error).message}`)
          await new Promise((r) => setTimeout(r, 5_000))
          if (!this.running) return
        }
      }
    })()
  }

  async stop(): Promise<void> {
    const running = this.running
    this.running = undefined
    await this.engine?.stop()
    await running
    await this.pool?.end()
    this.pool = undefined
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    return u.pathname.length > 1 || u.search ? `${u.origin}/…` : u.origin
  } catch {
    return "<invalid url>"
  }
}
