import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { bodyOf } from "../../../../../lib/http"
import type AttestationService from "../../../../../services/attestation"

/** `{ kind, statement }`: signed by the server's attester key; on chain too once the twin is minted. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = bodyOf(req)
  const attestations: AttestationService = req.scope.resolve("attestationService")
  res.status(201).json({ attestation: await attestations.attest(req.params.id, { kind: body.kind, statement: body.statement }) })
}
