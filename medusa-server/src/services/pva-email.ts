import { AbstractNotificationService } from "@medusajs/medusa"
import { readServerEnv } from "../config/env"
import { renderCustomerEmail, TOKEN_EMAIL_EVENTS } from "../lib/customer-email-render"
import { orderConfirmation, RenderedEmail } from "../lib/email-templates"
import { partnerEmails } from "@pva/medusa-plugin-partners"
import { twinEmails } from "@pva/medusa-plugin-digital-twin"
import type { PluginEmails } from "@pva/medusa-kit/email"
import { captureAttention } from "../lib/payment-email-templates"
import { renderPaymentEmail } from "@pva/medusa-plugin-payments"
import { renderMarketEmail } from "@pva/medusa-plugin-marketplace"
import type EmailOutboxService from "./email-outbox"
import { CAPTURE_ATTENTION_EVENT } from "./payment-capture"
import { taxSummary } from "../lib/taxes/summary"

/** The plugins' emails: each plugin renders its own; this provider sends them. */
const PLUGIN_EMAILS: PluginEmails[] = [twinEmails, partnerEmails]

type Outgoing = RenderedEmail & { to: string }

/**
 * PVA Bazaar's email notification provider: renders the branded templates and
 * sends them through Resend when RESEND_API_KEY is set, or stores them in the
 * email outbox otherwise (a real, inspectable default on a bare machine).
 */
class PvaEmailService extends AbstractNotificationService {
  static identifier = "pva-email"
  protected container_: any
  protected resend_: any

  constructor(container: any) {
    super(arguments[0])
    this.container_ = container
    const { resendApiKey } = readServerEnv().email
    if (resendApiKey) {
      const { Resend } = require("resend")
      this.resend_ = new Resend(resendApiKey)
    }
  }

  async sendNotification(event: string, data: any): Promise<{ to: string; status: string; data: Record<string, unknown> }> {
    const message = await this.render(event, data)
    if (!message) return undefined as any
    const via = await this.deliver(message, event, data?.id)
    // Medusa keeps `data` in its notification table: a token or claim code must not be kept there.
    if (TOKEN_EMAIL_EVENTS.has(event) || PLUGIN_EMAILS.some((emails) => emails.private?.has(event))) {
      return { to: message.to, status: "sent", data: { to: message.to, subject: message.subject, via } }
    }
    return { to: message.to, status: "sent", data: { ...message, via } }
  }

  async resendNotification(notification: any, config: any): Promise<{ to: string; status: string; data: Record<string, unknown> }> {
    const stored = notification.data as Outgoing
    const message = { ...stored, to: config?.to || notification.to }
    const via = await this.deliver(message, notification.event_name, notification.resource_id)
    return { to: message.to, status: "sent", data: { ...message, via } }
  }

  async render(event: string, data: any): Promise<Outgoing | null> {
    if (event === "order.placed") {
      if (data?.no_notification) return null
      const order = await this.inCallersTransaction(this.container_.orderService).retrieveWithTotals(data.id, {
        relations: ["items", "items.variant", "items.tax_lines", "shipping_methods", "shipping_methods.tax_lines", "shipping_address"],
      })
      if (!order.email) return null
      return {
        to: order.email,
        ...orderConfirmation({
          pva_number: order.pva_number,
          customer_name: order.shipping_address?.first_name,
          currency_code: order.currency_code,
          total: order.total,
          shipping_total: order.shipping_total,
          tax: taxSummary(order),
          items: order.items.map((i: any) => ({ title: i.title, sku: i.variant?.sku, quantity: i.quantity, unit_price: i.unit_price })),
        }),
      }
    }
    if (event === CAPTURE_ATTENTION_EVENT) {
      const [order] = await this.container_.manager.query(`SELECT pva_number FROM "order" WHERE id = $1`, [data.id])
      return { to: readServerEnv().email.adminAlertEmail, ...captureAttention({ pva_number: order?.pva_number ?? null, order_id: data.id, reason: data.reason }) }
    }
    const context = { adminAlertEmail: readServerEnv().email.adminAlertEmail }
    for (const emails of PLUGIN_EMAILS) {
      const email = emails.render(event, data, context)
      if (email) return email
    }
    const payment = renderPaymentEmail(event, data)
    if (payment) return payment
    const market = renderMarketEmail(event, data)
    if (market) return market
    return await renderCustomerEmail(this.container_, event, data)
  }

  /** Set by notificationService.withTransaction(m).send: read and write in that transaction, not on a second connection. */
  private inCallersTransaction<T extends { withTransaction(m: any): T }>(service: T): T {
    const manager = (this as any).transactionManager_
    return manager ? service.withTransaction(manager) : service
  }

  private async deliver(message: Outgoing, event: string, resourceId?: string): Promise<"resend" | "outbox"> {
    if (this.resend_) {
      const { error } = await this.resend_.emails.send({
        from: readServerEnv().email.emailFrom,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
      })
      if (error) throw new Error(`Resend refused the email: ${error.message ?? JSON.stringify(error)}`)
      return "resend"
    }
    const outbox: EmailOutboxService = this.inCallersTransaction(this.container_.emailOutboxService)
    await outbox.record({ ...message, event_name: event, resource_id: resourceId ?? null })
    return "outbox"
  }
}

export default PvaEmailService
