import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { storeCors } from "@pva/medusa-kit"
import type ArchetypeResultService from "../services/archetype-result"

export const RESULT_TOKEN_HEADER = "x-pva-result-token"

/**
 * A shopper who took the quiz anonymously sends their result token with the login or
 * registration request; the result is theirs before the response says they are in,
 * so the next page already knows their archetype. A bad token never fails a login.
 */
function attachResultOnLogin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const token = req.get(RESULT_TOKEN_HEADER)
  if (!token) return next()
  const send = res.json.bind(res)
  res.json = ((body: any) => {
    const customerId = body?.customer?.id
    if (res.statusCode >= 300 || !customerId) return send(body)
    const results: ArchetypeResultService = req.scope.resolve("archetypeResultService")
    results
      .attach(token, customerId)
      .catch(() => undefined)
      .finally(() => send(body))
    return res
  }) as any
  next()
}

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/store/auth", middlewares: [storeCors] },
    { matcher: "/store/customers", middlewares: [storeCors] },
    { matcher: "/store/auth", method: "POST", middlewares: [attachResultOnLogin] },
    { matcher: "/store/customers", method: "POST", middlewares: [attachResultOnLogin] },
  ],
}
