import type { MedusaRequest, MiddlewaresConfig } from "@medusajs/medusa"
import { amendJsonResponse, storeCors } from "@pva/medusa-kit"
import type ArchetypeResultService from "../services/archetype-result"

export const RESULT_TOKEN_HEADER = "x-pva-result-token"

/**
 * A shopper who took the quiz anonymously sends their result token with the login or
 * registration request; the result is theirs before the response says they are in,
 * so the next page already knows their archetype. Medusa's login and registration routes
 * have no hook for this, hence the one amendment helper. A bad token never fails a login.
 */
const attachResultOnLogin = amendJsonResponse(
  async (body, req) => {
    const token = req.get(RESULT_TOKEN_HEADER)
    const customerId = body?.customer?.id
    if (!token || !customerId) return
    const results: ArchetypeResultService = (req as MedusaRequest).scope.resolve("archetypeResultService")
    await results.attach(token, customerId)
  },
  { onError: "ignore" }
)

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/store/auth", middlewares: [storeCors] },
    { matcher: "/store/customers", middlewares: [storeCors] },
    { matcher: "/store/auth", method: "POST", middlewares: [attachResultOnLogin] },
    { matcher: "/store/customers", method: "POST", middlewares: [attachResultOnLogin] },
  ],
}
