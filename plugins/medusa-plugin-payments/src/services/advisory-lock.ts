import type { EntityManager } from "typeorm"
import { PluginService } from "../lib/plugin-service"

/** What a webhook and a request may both do to one cart or order at the same moment. */
export const cartCompletionLock = (cartId: string) => `pva:cart-completion:${cartId}`
export const orderCaptureLock = (orderId: string) => `pva:order-capture:${orderId}`

/**
 * One at a time, across every server process, for work that Stripe's webhooks and a request
 * both do, usually within the same second: completing a paid cart (the shopper's browser and
 * `payment_intent.amount_capturable_updated`), capturing an order (Admin and
 * `payment_intent.succeeded`, which Stripe sends before Admin's capture has finished). The
 * second one waits, then finds the work done. A session-level advisory lock on a connection
 * of its own, held until the caller releases it.
 */
class AdvisoryLockService extends PluginService {

  async acquire(key: string): Promise<() => Promise<void>> {
    const manager: EntityManager = this.container_.manager
    const runner = manager.connection.createQueryRunner()
    try {
      await runner.connect()
      await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [key])
    } catch (err) {
      await runner.release()
      throw err
    }
    let released = false
    return async () => {
      if (released) return
      released = true
      try {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key])
      } finally {
        // A connection that broke took its session lock with it.
        await runner.release()
      }
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
}

export default AdvisoryLockService
