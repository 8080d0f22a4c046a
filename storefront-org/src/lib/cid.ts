import { createHash } from "node:crypto"
import { CID } from "multiformats/cid"
import * as raw from "multiformats/codecs/raw"
import * as Digest from "multiformats/hashes/digest"

const SHA2_256 = 0x12

export type CidCheck =
  | { verified: true; cid: string }
  | { verified: false; cid: string; reason: string }

/**
 * Whether `bytes` are what `cid` names: CIDv1, raw codec, sha2-256 of the exact bytes (what the
 * twin's tokenURI points at). Computed here, on our own server, rather than trusted from a gateway.
 */
export function checkCid(cid: string, bytes: Uint8Array): CidCheck {
  let parsed: ReturnType<typeof CID.parse>
  try {
    parsed = CID.parse(cid)
  } catch {
    return { verified: false, cid, reason: "This is not a valid CID." }
  }
  if (parsed.version !== 1 || parsed.code !== raw.code || parsed.multihash.code !== SHA2_256) {
    return { verified: false, cid, reason: "Only raw sha2-256 CIDv1 content can be checked here." }
  }
  const digest = createHash("sha256").update(bytes).digest()
  const computed = CID.create(1, raw.code, Digest.create(SHA2_256, new Uint8Array(digest))).toString()
  if (computed !== parsed.toString()) return { verified: false, cid, reason: `The bytes served hash to ${computed}, not to this CID.` }
  return { verified: true, cid }
}
