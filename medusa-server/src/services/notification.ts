import { NotificationService as MedusaNotificationService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"

/**
 * Medusa 1.20's `send` opens a transaction and only then calls the provider, without
 * handing it that transaction. Our provider reads the order and writes the email outbox
 * (or calls Resend), so each send held one pooled connection idle while it waited for
 * another. The local event bus hands a batch of staged `order.placed` events to their
 * subscribers at once: with as many emails in flight as the pool has connections, every
 * connection sat "idle in transaction" and the whole server, checkouts included, stalled.
 *
 * Here a send holds no connection while the provider works: outside a transaction the
 * provider uses the pool one query at a time; inside a caller's transaction
 * (`withTransaction`) it works in that transaction, so a send needs no second connection.
 */
class NotificationService extends MedusaNotificationService {
  // One instance, like Medusa's: subscriptions and the attachment generator are registered on it at startup.
  static LIFE_TIME = "SINGLETON"

  async send(event: string, eventData: Record<string, unknown>, providerId: string): Promise<any> {
    const self = this as any
    const manager: EntityManager | undefined = self.transactionManager_
    const provider = self.retrieveProvider_(providerId)
    const bound = manager ? provider.withTransaction(manager) : provider
    const result = await bound.sendNotification(event, eventData, self.attachmentGenerator_)
    if (!result) return
    const repo = (manager ?? this.manager_).withRepository(self.notificationRepository_)
    const [resourceType] = event.split(".")
    return await repo.save(
      repo.create({
        resource_type: resourceType,
        resource_id: eventData.id,
        customer_id: eventData.customer_id || null,
        to: result.to,
        data: result.data,
        event_name: event,
        provider_id: providerId,
      } as any)
    )
  }
}

export default NotificationService
