import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ArchetypeResultService from "../../../../services/archetype-result"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const results: ArchetypeResultService = req.scope.resolve("archetypeResultService")
  res.json({ distribution: await results.distribution() })
}
