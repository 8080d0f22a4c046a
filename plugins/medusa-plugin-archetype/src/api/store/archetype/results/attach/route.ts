import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import type ArchetypeResultService from "../../../../../services/archetype-result"

/** Claims an anonymous result for the logged-in customer. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "keep your quiz result")
  const results: ArchetypeResultService = req.scope.resolve("archetypeResultService")
  res.json({ result: await results.attach((req.body as any)?.result_token, customerId) })
}
