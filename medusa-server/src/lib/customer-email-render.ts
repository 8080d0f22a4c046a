import { readServerEnv } from "../config/env"
import { emailVerification, orderCanceled, orderShipped, passwordReset } from "./customer-email-templates"
import type { RenderedEmail } from "./email-templates"

export const PASSWORD_RESET_EVENT = "customer.password_reset"
export const EMAIL_VERIFICATION_EVENT = "customer.email_verification"
export const SHIPMENT_EVENT = "order.shipment_created"
export const CANCELED_EVENT = "order.canceled"

/** Emails whose link is a credential: their body is mailed, never kept in the notification log. */
export const TOKEN_EMAIL_EVENTS = new Set([PASSWORD_RESET_EVENT, EMAIL_VERIFICATION_EVENT])

type Outgoing = RenderedEmail & { to: string }

function storefrontLink(path: string, token: string): string {
  return `${readServerEnv().storefrontComUrl}${path}?token=${encodeURIComponent(token)}`
}

/** Renders the account and after-checkout emails a customer receives; null when there is none to send. */
export async function renderCustomerEmail(container: any, event: string, data: any): Promise<Outgoing | null> {
  switch (event) {
    case EMAIL_VERIFICATION_EVENT:
      return { to: data.email, ...emailVerification({ first_name: data.first_name, link: storefrontLink("/account/verify-email", data.token) }) }
    case PASSWORD_RESET_EVENT:
      return { to: data.email, ...passwordReset({ first_name: data.first_name, link: storefrontLink("/account/reset-password", data.token) }) }
    case SHIPMENT_EVENT: {
      if (data?.no_notification) return null
      const order = await container.orderService.retrieve(data.id, { relations: ["items", "shipping_address"] })
      const fulfillment = await container.fulfillmentService.retrieve(data.fulfillment_id, { relations: ["items", "tracking_links"] })
      const titles = new Map<string, string>(order.items.map((i: any) => [i.id, i.title]))
      return {
        to: order.email,
        ...orderShipped({
          pva_number: order.pva_number,
          customer_name: order.shipping_address?.first_name,
          items: fulfillment.items.map((i: any) => ({ title: titles.get(i.item_id) ?? "Item", quantity: i.quantity })),
          tracking_numbers: (fulfillment.tracking_links ?? []).map((t: any) => t.tracking_number).filter(Boolean),
        }),
      }
    }
    case CANCELED_EVENT: {
      if (data?.no_notification) return null
      const order = await container.orderService.retrieve(data.id, { relations: ["shipping_address"] })
      return { to: order.email, ...orderCanceled({ pva_number: order.pva_number, customer_name: order.shipping_address?.first_name }) }
    }
    default:
      return null
  }
}
