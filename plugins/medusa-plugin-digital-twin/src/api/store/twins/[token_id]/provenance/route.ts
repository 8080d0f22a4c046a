import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { tokenIdOf } from "../../../../../lib/http"
import type DigitalTwinService from "../../../../../services/digital-twin"
import type { TwinMarketEvent, TwinMarketHistory } from "@pva/medusa-kit/events"
import { marketTimeline, publicTimeline } from "../../../../../lib/provenance"

/** Public provenance timeline: created, sold, claim issued, minted, transferred, attested; listed, sold and auctions on the market. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const twin = await service.byTokenId(tokenIdOf(req.params.token_id))
  if (!twin) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No twin with token id ${req.params.token_id}`)
  const events = publicTimeline(await service.timeline(twin.id))
  let market: TwinMarketEvent[] = []
  try {
    // The marketplace plugin builds after this one: its read service is reached by name.
    market = await req.scope.resolve<TwinMarketHistory>("marketReadService").twinMarketHistory(twin.token_id)
  } catch {
    // No market plugin, or no market deployed on this chain: the timeline stands without it.
    market = []
  }
  res.json({ token_id: twin.token_id, events: marketTimeline(events, market) })
}
