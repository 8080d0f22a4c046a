import { MedusaError } from "@medusajs/utils"
import { Pool, type PoolClient } from "pg"
import { PluginService } from "../lib/plugin-service"

/** What a webhook and a request may both do to one cart or order at the same moment. */
export const cartCompletionLock = (cartId: string) => `pva:cart-completion:${cartId}`
export const orderCaptureLock = (orderId: string) => `pva:order-capture:${orderId}`

/**
 * Connections that hold locks, apart from Medusa's pool. The work done under a lock takes
 * connections from Medusa's pool; were the locks' sessions pooled there too, as many holders
 * as the pool is large would wait forever for a connection none of them gives back. At most
 * this many locks are held at once per process; a further caller waits for one of these
 * connections, holding nothing.
 */
export const LOCK_CONNECTIONS = 8
/** First pause between two attempts at a taken lock; doubled each time up to the longest. */
const FIRST_RETRY_MS = 5
const LONGEST_RETRY_MS = 200
/** Longer than any completion or capture takes; a caller still waiting then gets a 409 to retry. */
export const LOCK_WAIT_LIMIT_MS = 120_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One at a time, across every server process, for work that Stripe's webhooks and a request
 * both do, usually within the same second: completing a paid cart (the shopper's browser and
 * `payment_intent.amount_capturable_updated`), capturing an order (Admin and
 * `payment_intent.succeeded`, which Stripe sends before Admin's capture has finished). The
 * second one waits, then finds the work done.
 *
 * A session-level advisory lock, held on a connection of its own (outside Medusa's pool) only
 * while it is held: a waiter asks with `pg_try_advisory_lock`, gives the connection back and
 * asks again a little later, so waiting never keeps a connection. A process that dies takes
 * its sessions, and so its locks, with it.
 */
class AdvisoryLockService extends PluginService {
  private static pools_ = new Map<string, Pool>()

  private get pool(): Pool {
    const project = this.container_.configModule?.projectConfig ?? {}
    const url: string = project.database_url
    let pool = AdvisoryLockService.pools_.get(url)
    if (!pool) {
      pool = new Pool({
        connectionString: url,
        ssl: project.database_extra?.ssl,
        max: LOCK_CONNECTIONS,
        idleTimeoutMillis: 10_000,
        application_name: "pva-advisory-locks",
      })
      // A lock connection that breaks while idle is dropped by the pool; nothing else to do.
      pool.on("error", () => undefined)
      AdvisoryLockService.pools_.set(url, pool)
    }
    return pool
  }

  async acquire(key: string, waitLimitMs: number = LOCK_WAIT_LIMIT_MS): Promise<() => Promise<void>> {
    const giveUpAt = Date.now() + waitLimitMs
    let pause = FIRST_RETRY_MS
    for (;;) {
      const client = await this.pool.connect()
      let held = false
      try {
        const [row] = (await client.query<{ held: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS held`, [key])).rows
        held = row?.held === true
      } catch (err) {
        client.release(err as Error)
        throw err
      }
      if (held) return this.releaser(client, key)
      client.release()
      if (Date.now() >= giveUpAt) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `This is still being worked on by another request (${key.replace(/^pva:/, "")}); try again shortly`)
      }
      await sleep(pause / 2 + Math.random() * pause)
      pause = Math.min(pause * 2, LONGEST_RETRY_MS)
    }
  }

  async around<T>(key: string, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(key)
    try {
      return await work()
    } finally {
      await release()
    }
  }

  private releaser(client: PoolClient, key: string) {
    let released = false
    return async () => {
      if (released) return
      released = true
      try {
        await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key])
        client.release()
      } catch (err) {
        // A connection that broke took its session lock with it; it is not reused.
        client.release(err as Error)
      }
    }
  }
}

export default AdvisoryLockService
