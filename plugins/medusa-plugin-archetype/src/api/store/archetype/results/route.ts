import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { customerIdOf } from "@pva/medusa-kit"
import type ArchetypeResultService from "../../../../services/archetype-result"

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const results: ArchetypeResultService = req.scope.resolve("archetypeResultService")
  res.status(201).json(await results.submit(req.body, customerIdOf(req)))
}
