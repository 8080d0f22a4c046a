/**
 * Medusa 1.x keeps a guest checkout on a separate, account-less customer record even
 * when an account with that email exists or is created later, so the shopper's order
 * history misses it. The orders of account-less records are moved to the account
 * with the same email (case-insensitive); the guest record itself stays as it was.
 */
export async function linkGuestOrdersToAccount(manager: any, email: string): Promise<number> {
  const rows = await manager.query(
    `UPDATE "order" o SET customer_id = account.id, updated_at = now()
       FROM customer guest, customer account
      WHERE o.customer_id = guest.id
        AND NOT guest.has_account
        AND account.has_account AND account.deleted_at IS NULL
        AND lower(guest.email) = lower($1) AND lower(account.email) = lower($1)
      RETURNING o.id`,
    [email]
  )
  return (Array.isArray(rows[0]) ? rows[0] : rows).length
}

/**
 * Before a logged-in customer's order history is read, their guest orders join it
 * (a guest checkout made with an account's email, then a login). Linking on read,
 * not at checkout, keeps a guest's own confirmation page working until they log in.
 */
export function linkGuestOrdersOnHistory() {
  return async (req: any, _res: any, next: (err?: unknown) => void) => {
    try {
      const customerId = req.user?.customer_id
      if (customerId) {
        const manager = req.scope.resolve("manager")
        const [customer] = await manager.query(`SELECT email FROM customer WHERE id = $1 AND has_account`, [customerId])
        if (customer) await linkGuestOrdersToAccount(manager, customer.email)
      }
      next()
    } catch (err) {
      next(err)
    }
  }
}
