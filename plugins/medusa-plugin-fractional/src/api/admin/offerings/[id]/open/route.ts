import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OfferingService from "../../../../../services/offering"
import { OfferingChainError, offeringView } from "../../../../../services/offering"

/** createOffering on chain (ISSUER key), then the share product on pvabazaar.org. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const offerings: OfferingService = req.scope.resolve("offeringService")
  try {
    res.json({ offering: offeringView(await offerings.open(req.params.id)) })
  } catch (error) {
    if (!(error instanceof OfferingChainError)) throw error
    res.status(error.status).json({ type: "chain_error", message: error.message, offering: offeringView(await offerings.retrieve(req.params.id)) })
  }
}
