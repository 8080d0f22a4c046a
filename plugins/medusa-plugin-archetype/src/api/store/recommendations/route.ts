import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { ARCHETYPES, Archetype, isArchetype } from "../../../lib/archetypes"
import { storefrontSalesChannels } from "@pva/medusa-kit"
import { customerIdOf } from "@pva/medusa-kit"
import type ArchetypeResultService from "../../../services/archetype-result"
import type RecommendationService from "../../../services/recommendation"

const MAX_LIMIT = 50
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

function single(req: MedusaRequest, name: string): string | undefined {
  const value = req.query[name]
  if (value === undefined) return undefined
  if (typeof value !== "string") throw invalid(`${name} must be given once`)
  return value
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const limitParam = single(req, "limit")
  const limit = limitParam === undefined ? 8 : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw invalid(`limit must be an integer from 1 to ${MAX_LIMIT}`)

  let archetype: Archetype | undefined
  const archetypeParam = single(req, "archetype")
  if (archetypeParam !== undefined) {
    if (!isArchetype(archetypeParam)) throw invalid(`archetype must be one of ${ARCHETYPES.join(", ")}`)
    archetype = archetypeParam
  }
  const token = single(req, "result_token")
  if (token !== undefined && !archetype) {
    const results: ArchetypeResultService = req.scope.resolve("archetypeResultService")
    archetype = await results.archetypeOfToken(token)
  }

  const recommendations: RecommendationService = req.scope.resolve("recommendationService")
  const productId = single(req, "product_id")
  if (productId !== undefined) await recommendations.assertProductExists(productId)

  const salesChannelIds = await storefrontSalesChannels(req)
  res.json(await recommendations.recommend({ salesChannelIds, limit, archetype, productId, customerId: customerIdOf(req) }))
}
