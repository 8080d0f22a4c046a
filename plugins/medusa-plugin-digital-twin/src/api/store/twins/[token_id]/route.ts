import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { tokenIdOf } from "../../../../lib/http"
import type DigitalTwinService from "../../../../services/digital-twin"

/** Public: one twin, with its piece's shop photo (`product_thumbnail`, null without one) for the artifact page. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const twin = await service.byTokenId(tokenIdOf(req.params.token_id))
  if (!twin) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No twin with token id ${req.params.token_id}`)
  const piece = (await service.artifactsByTokenId([twin.token_id])).get(twin.token_id)
  res.json({ twin: { ...service.publicView(twin), product_thumbnail: piece?.thumbnail ?? null } })
}
