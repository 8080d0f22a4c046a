import { runPeriodically } from "@pva/medusa-kit"
import { Client, Pool } from "pg"
import { NOTIFY_CHANNEL, REFRESHED_CHANNEL } from "./read-model-sql"
import { drainOutbox, queueDuePriceChanges, type Sql } from "./read-model"
import { poolDb } from "./pg-db"

type Logger = { info(msg: string): void; warn(msg: string): void; error(msg: string): void }

export type RefresherOptions = {
  databaseUrl: string
  logger: Logger
  /** A safety net for notifications lost while the listening connection was down. */
  pollIntervalMs?: number
  /** How often to look for price lists that started or ended (default 1000 ms). */
  priceSweepMs?: number
  /** Awaited before the next drain; `sql` runs on the refresher's pool. */
  onRefreshed?: (result: { productIds: string[]; all: boolean }, sql: Sql) => Promise<void> | void
  /** false: only listen (for onReadModelChanged); another process drains the outbox. */
  drain?: boolean
  /** Any process's refresher committed a change to the read model (or we may have missed one). */
  onReadModelChanged?: () => void
}

/**
 * Keeps the read model fresh: LISTENs on the outbox channel and drains the outbox on
 * every notification (one drain at a time; a notification during a drain runs another
 * right after), and every `pollIntervalMs` in case a notification was missed. Every
 * `priceSweepMs` it queues the products whose price list started or ended: nothing is
 * written at that moment, so no trigger could tell.
 */
export class CatalogRefresher {
  private readonly pool: Pool
  private listener?: Client
  private timer?: NodeJS.Timeout
  private stopPriceSweep?: () => void
  private running = false
  private again = false
  private stopped = false
  private idle: Promise<void> = Promise.resolve()

  constructor(private readonly options: RefresherOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 1, idleTimeoutMillis: 5000, application_name: "pva-catalog-refresher" })
    this.pool.on("error", (err) => options.logger.warn(`catalog refresher: ${err.message}`))
  }

  private readonly sql: Sql = async (text, params) => (await this.pool.query(text, params)).rows

  async start(): Promise<void> {
    await this.listen()
    if (this.options.drain === false) return
    this.timer = setInterval(() => this.kick(), this.options.pollIntervalMs ?? 5000)
    this.timer.unref()
    this.stopPriceSweep = runPeriodically({
      name: "catalog price-list sweep",
      schedule: { everyMs: this.options.priceSweepMs ?? 1000 },
      task: async () => {
        if ((await queueDuePriceChanges(poolDb(this.pool))) > 0) this.kick()
      },
      logger: this.options.logger,
    })
    this.kick()
  }

  /** Drains now, or right after the drain under way. */
  kick(): void {
    if (this.stopped || this.options.drain === false) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    this.idle = this.loop()
  }

  /** Resolves once no drain is running (tests and the CLI wait on it). */
  settled(): Promise<void> {
    return this.idle
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    this.stopPriceSweep?.()
    await this.idle
    await this.listener?.end().catch(() => undefined)
    await this.pool.end().catch(() => undefined)
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false
        const result = await drainOutbox(poolDb(this.pool))
        if (result.all || result.productIds.length) await this.options.onRefreshed?.(result, this.sql)
      } while (this.again && !this.stopped)
    } catch (err: any) {
      this.options.logger.warn(`catalog refresher: ${err.message}; retrying on the next change or poll`)
    } finally {
      this.running = false
    }
  }

  private async listen(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.connectListener()
        return
      } catch (err: any) {
        this.options.logger.warn(`catalog listener cannot connect (${err.message}); retrying in 1 s`)
        await new Promise((resolve) => setTimeout(resolve, 1000).unref())
      }
    }
  }

  private async connectListener(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: "pva-catalog-listener" })
    const lost = (err?: Error) => {
      if (this.stopped || this.listener !== client) return
      this.listener = undefined
      this.options.logger.warn(`catalog listener lost its connection${err ? ` (${err.message})` : ""}; reconnecting`)
      client.end().catch(() => undefined)
      void this.listen()
    }
    client.on("notification", (msg) => {
      if (msg.channel === REFRESHED_CHANNEL) this.options.onReadModelChanged?.()
      else this.kick()
    })
    client.on("error", lost)
    client.on("end", () => lost())
    try {
      await client.connect()
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`)
      await client.query(`LISTEN ${REFRESHED_CHANNEL}`)
    } catch (err) {
      client.end().catch(() => undefined)
      throw err
    }
    this.listener = client
    // anything written or refreshed while nobody was listening
    this.options.onReadModelChanged?.()
    this.kick()
  }
}
