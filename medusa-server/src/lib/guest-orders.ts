import { rowsOf } from "@pva/medusa-kit"
import { verifiedEmailOf } from "../db/customer-verified-email"

/**
 * Medusa 1.x keeps a guest checkout on a separate, account-less customer record even
 * when an account with that email exists or is created later, so the shopper's order
 * history misses it. Once an account has proved it owns the email (see
 * services/email-verification.ts), the orders of account-less records with that email
 * (case-insensitive) move to the account, with their addresses; the guest record
 * itself stays as it was. Without that proof, registering someone's email would hand
 * over their orders, addresses and phone number.
 */
export async function linkGuestOrdersToAccount(manager: any, customerId: string, email: string): Promise<number> {
  const rows = await manager.query(
    `UPDATE "order" o SET customer_id = $1, updated_at = now()
       FROM customer guest
      WHERE o.customer_id = guest.id
        AND NOT guest.has_account
        AND lower(guest.email) = lower($2)
      RETURNING o.id`,
    [customerId, email]
  )
  return rowsOf(rows).length
}

/**
 * Before a verified customer's order history is read, guest orders placed since with
 * their email join it. Linking on read, not at checkout, keeps a guest's own
 * confirmation page working until they log in.
 */
export function linkGuestOrdersOnHistory() {
  return async (req: any, _res: any, next: (err?: unknown) => void) => {
    try {
      const customerId = req.user?.customer_id
      if (customerId) {
        const manager = req.scope.resolve("manager")
        const email = await verifiedEmailOf(manager, customerId)
        if (email) await linkGuestOrdersToAccount(manager, customerId, email)
      }
      next()
    } catch (err) {
      next(err)
    }
  }
}
