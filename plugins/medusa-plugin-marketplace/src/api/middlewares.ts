import type { MiddlewaresConfig } from "@medusajs/medusa"
import { authenticateCustomer } from "@medusajs/medusa"

// A customer's own market views read the session (or bearer token); requireCustomer answers 401 without one.
export const config: MiddlewaresConfig = {
  routes: [{ matcher: "/store/customers/me/market*", middlewares: [authenticateCustomer()] }],
}
