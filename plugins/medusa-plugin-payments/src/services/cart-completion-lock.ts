import type { EntityManager } from "typeorm"

/**
 * One completion of a cart at a time, across every server process: the shopper's browser
 * (`POST /store/carts/:id/complete`) and Stripe's webhook both complete a paid cart, usually
 * within the same second. Without this the second run races the first into Medusa's order
 * creation and fails; with it, it finds the cart completed and answers with the order.
 * A session-level advisory lock on a connection of its own, held until the caller releases it.
 */
class CartCompletionLockService {
  protected container_: any

  constructor(container: any) {
    this.container_ = container
  }

  async acquire(cartId: string): Promise<() => Promise<void>> {
    const manager: EntityManager = this.container_.manager
    const runner = manager.connection.createQueryRunner()
    const key = `pva:cart-completion:${cartId}`
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

  async around<T>(cartId: string, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(cartId)
    try {
      return await work()
    } finally {
      await release()
    }
  }
}

export default CartCompletionLockService
