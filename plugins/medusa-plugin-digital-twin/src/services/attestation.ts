import { TwinService } from "../lib/twin-service"
import { MedusaError } from "medusa-core-utils"
import { keccak256, stringToHex, toBytes } from "viem"
import type DigitalTwinService from "./digital-twin"
import type TwinChainService from "./twin-chain"
import { recordTwinEvent } from "../db/digital-twin-event"

/**
 * An issuer's signed statement about a twin (appraisal, service, authenticity). Anyone can check
 * it: `verifyMessage({ address: issuer, message, signature })`. A minted twin also gets the
 * statement's hash on chain (PVATwin.attest), which chain sync ties back to the record.
 */
export default class AttestationService extends TwinService {
  static identifier = "attestationService"
  async attest(twinId: string, input: { kind: unknown; statement: unknown }) {
    if (typeof input.kind !== "string" || !/^[A-Za-z0-9_ -]{1,31}$/.test(input.kind)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "kind must be 1-31 letters, digits, spaces, - or _ (e.g. APPRAISAL)")
    }
    if (typeof input.statement !== "string" || !input.statement.trim() || input.statement.length > 2000) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "statement must be a non-empty text of at most 2000 characters")
    }
    const twins: DigitalTwinService = this.container_.digitalTwinService
    const twin = await twins.byId(twinId)
    if (!twin) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such twin")
    const chain: TwinChainService = this.container_.twinChainService
    const kind = input.kind.toUpperCase()
    const message = JSON.stringify({
      twin: { chain_id: chain.settings.chainId, contract: chain.twinAddress(), token_id: twin.token_id, tag_id: twin.tag_id },
      kind,
      statement: input.statement.trim(),
      issued_at: new Date().toISOString(),
    })
    const dataHash = keccak256(toBytes(message))
    const { issuer, signature } = await chain.signAttestation(message)
    const eventId = await recordTwinEvent(this.activeManager_, twin.id, "attested", {
      kind,
      statement: input.statement.trim(),
      message,
      data_hash: dataHash,
      issuer,
      signature,
    })
    let txHash: string | null = null
    if (twin.status === "minted") txHash = await chain.attestOnChain(BigInt(twin.token_id), stringToHex(kind, { size: 32 }), dataHash)
    return { id: eventId, kind, message, data_hash: dataHash, issuer, signature, tx_hash: txHash }
  }
}
