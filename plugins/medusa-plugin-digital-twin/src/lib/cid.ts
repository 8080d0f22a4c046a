// Content addresses with `multiformats`: CIDv1, raw codec, sha2-256 of the exact bytes. For one
// block this is what `ipfs add --cid-version 1 --raw-leaves` and pinning services answer, and
// what PVATwin.tokenURI renders from the digest stored on chain.
import { createHash } from "node:crypto"

type Multiformats = {
  CID: { create(version: 1, code: number, digest: unknown): { toString(): string }; parse(text: string): { version: number; code: number; multihash: { code: number; digest: Uint8Array } } }
  raw: { code: number }
  digestCreate: (code: number, digest: Uint8Array) => unknown
}

let loaded: Multiformats | undefined
// multiformats is ESM-only; Node 20.19+ require()s it synchronously.
function multiformats(): Multiformats {
  if (loaded) return loaded
  const { CID } = require("multiformats/cid")
  const raw = require("multiformats/codecs/raw")
  const Digest = require("multiformats/hashes/digest")
  loaded = { CID, raw, digestCreate: Digest.create }
  return loaded
}

const SHA2_256 = 0x12

export type ContentAddress = { cid: string; digest: `0x${string}` }

/** CIDv1 (raw, sha2-256) of `bytes` and the 32-byte digest PVATwin stores for it. */
export function contentAddress(bytes: Uint8Array): ContentAddress {
  const sha = createHash("sha256").update(bytes).digest()
  const { CID, raw, digestCreate } = multiformats()
  const cid = CID.create(1, raw.code, digestCreate(SHA2_256, new Uint8Array(sha))).toString()
  return { cid, digest: `0x${sha.toString("hex")}` }
}

/** The CID if `text` is a CIDv1 raw sha2-256 (the only kind this store holds), else null. */
export function parseRawCid(text: string): string | null {
  if (!/^b[a-z2-7]{58}$/.test(text)) return null
  try {
    const cid = multiformats().CID.parse(text)
    if (cid.version !== 1 || cid.code !== multiformats().raw.code || cid.multihash.code !== SHA2_256) return null
    return cid.toString()
  } catch {
    return null
  }
}
