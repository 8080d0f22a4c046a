import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { tokenIdOf } from "../../../../lib/http"
import type DigitalTwinService from "../../../../services/digital-twin"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const twin = await service.byTokenId(tokenIdOf(req.params.token_id))
  if (!twin) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No twin with token id ${req.params.token_id}`)
  res.json({ twin: service.publicView(twin) })
}
