import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type CategoryAffinityService from "../../../../services/category-affinity"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const affinities: CategoryAffinityService = req.scope.resolve("categoryAffinityService")
  res.json({ archetypes: await affinities.list() })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const affinities: CategoryAffinityService = req.scope.resolve("categoryAffinityService")
  res.json({ archetypes: await affinities.update(req.body) })
}
