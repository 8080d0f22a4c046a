// Content addresses: CIDv1 with the raw codec (0x55) and a sha2-256 multihash, base32 with
// multibase prefix 'b', built and read by `multiformats`. For content that fits in one IPFS
// block this equals `ipfs add --cid-version 1 --raw-leaves <file>` and what a pinning service
// answers; src/lib/CIDv1.sol renders the same from the digest stored on chain.
// The one CID helper of the project: plugins import it from @pva/contracts.
import { createHash } from "node:crypto";
import type * as CidModule from "multiformats/cid";
import type * as DigestModule from "multiformats/hashes/digest";
import type * as RawModule from "multiformats/codecs/raw";
import type { Hex } from "./types";

const SHA2_256 = 0x12;
/** What this helper makes and accepts: base32 CIDv1 of a 32-byte digest. */
const RAW_SHA256_CID = /^b[a-z2-7]{58}$/;

type Multiformats = { CID: typeof CidModule.CID; raw: typeof RawModule; Digest: typeof DigestModule };
let loaded: Multiformats | undefined;

// multiformats ships ES modules only; Node 20.19+ require()s them. Loaded on first use, so that
// importing @pva/contracts for its ABIs does not need it (jest's CommonJS runtime cannot load
// it: jest configs that run these helpers use contracts/jest-multiformats.js).
function multiformats(): Multiformats {
  loaded ??= {
    CID: (require("multiformats/cid") as typeof CidModule).CID,
    raw: require("multiformats/codecs/raw") as typeof RawModule,
    Digest: require("multiformats/hashes/digest") as typeof DigestModule,
  };
  return loaded;
}

function toBytes32(digest: Hex | Uint8Array): Uint8Array {
  if (typeof digest !== "string") {
    if (digest.length !== 32) throw new Error(`digest must be 32 bytes, got ${digest.length}`);
    return digest;
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(digest)) throw new Error(`digest must be 0x + 64 hex chars, got ${digest}`);
  return Uint8Array.from(Buffer.from(digest.slice(2), "hex"));
}

/** sha2-256 of `content` as a 0x-prefixed bytes32: the value to store on-chain as `metadataDigest`. */
export function sha256Digest(content: Uint8Array | string): Hex {
  return `0x${createHash("sha256").update(content).digest("hex")}`;
}

/** CIDv1 (raw codec, sha2-256, base32 'b…') for a sha2-256 digest. Same as PVATwin's tokenURI minus `ipfs://`. */
export function cidFromDigest(digest: Hex | Uint8Array): string {
  const { CID, raw, Digest } = multiformats();
  return CID.create(1, raw.code, Digest.create(SHA2_256, toBytes32(digest))).toString();
}

/** CIDv1 of `content` (e.g. the metadata JSON file's exact bytes). */
export function cidForBytes(content: Uint8Array | string): string {
  return cidFromDigest(sha256Digest(content));
}

/** The CID of `bytes` and the 32-byte digest PVATwin stores for it. */
export function contentAddress(bytes: Uint8Array | string): { cid: string; digest: Hex } {
  const digest = sha256Digest(bytes);
  return { cid: cidFromDigest(digest), digest };
}

/** `ipfs://<cid>`: exactly what PVATwin.tokenURI returns for a token minted with `digest`. */
export function tokenUriFromDigest(digest: Hex | Uint8Array): string {
  return `ipfs://${cidFromDigest(digest)}`;
}

/** Inverse of {@link cidFromDigest}: accepts `b…` or `ipfs://b…`; rejects other CID kinds. */
export function digestFromCid(cid: string): Hex {
  const bare = cid.startsWith("ipfs://") ? cid.slice("ipfs://".length) : cid;
  if (!RAW_SHA256_CID.test(bare)) throw new Error(`not a base32 CIDv1 of a sha2-256 digest: ${cid}`);
  const { CID, raw } = multiformats();
  let parsed: CidModule.CID;
  try {
    parsed = CID.parse(bare);
  } catch {
    throw new Error(`not a base32 CIDv1 of a sha2-256 digest: ${cid}`);
  }
  if (parsed.version !== 1 || parsed.code !== raw.code || parsed.multihash.code !== SHA2_256 || parsed.multihash.size !== 32) {
    throw new Error(`not a raw-codec sha2-256 CIDv1: ${cid}`);
  }
  return `0x${Buffer.from(parsed.multihash.digest).toString("hex")}`;
}

/** The CID if `text` is a base32 CIDv1 raw sha2-256 (the only kind the content store holds), else null. */
export function parseRawCid(text: string): string | null {
  if (!RAW_SHA256_CID.test(text)) return null;
  try {
    digestFromCid(text);
    return text;
  } catch {
    return null;
  }
}
