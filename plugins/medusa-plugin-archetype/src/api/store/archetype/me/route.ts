import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { requireCustomer } from "@pva/medusa-kit"
import ArchetypeResultService, { resultView } from "../../../../services/archetype-result"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your archetype")
  const results: ArchetypeResultService = req.scope.resolve("archetypeResultService")
  const latest = await results.latestFor(customerId)
  if (!latest) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You have not taken the archetype quiz yet")
  res.json({ result: resultView(latest) })
}
