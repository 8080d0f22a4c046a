// Off-chain twin of src/lib/CIDv1.sol. Both produce a CIDv1 with the raw codec (0x55)
// and a sha2-256 multihash, base32-encoded with multibase prefix 'b'. For content that
// fits in one IPFS block this equals `ipfs add --cid-version 1 --raw-leaves <file>`.
import { createHash } from "node:crypto";
import type { Hex } from "./types";

const BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
/** <cidv1 0x01><raw 0x55><sha2-256 0x12><32 bytes 0x20> */
const CID_PREFIX = Uint8Array.from([0x01, 0x55, 0x12, 0x20]);

function toBytes32(digest: Hex | Uint8Array): Uint8Array {
  if (typeof digest !== "string") {
    if (digest.length !== 32) throw new Error(`digest must be 32 bytes, got ${digest.length}`);
    return digest;
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(digest)) throw new Error(`digest must be 0x + 64 hex chars, got ${digest}`);
  return Uint8Array.from(Buffer.from(digest.slice(2), "hex"));
}

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 live bits
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`invalid base32 character '${char}'`);
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** sha2-256 of `content` as a 0x-prefixed bytes32: the value to store on-chain as `metadataDigest`. */
export function sha256Digest(content: Uint8Array | string): Hex {
  return `0x${createHash("sha256").update(content).digest("hex")}`;
}

/** CIDv1 (raw codec, sha2-256, base32 'b…') for a sha2-256 digest. Same as PVATwin's tokenURI minus `ipfs://`. */
export function cidFromDigest(digest: Hex | Uint8Array): string {
  const bytes = new Uint8Array(36);
  bytes.set(CID_PREFIX, 0);
  bytes.set(toBytes32(digest), 4);
  return `b${base32(bytes)}`;
}

/** CIDv1 of `content` (e.g. the metadata JSON file's exact bytes). */
export function cidForBytes(content: Uint8Array | string): string {
  return cidFromDigest(sha256Digest(content));
}

/** `ipfs://<cid>`: exactly what PVATwin.tokenURI returns for a token minted with `digest`. */
export function tokenUriFromDigest(digest: Hex | Uint8Array): string {
  return `ipfs://${cidFromDigest(digest)}`;
}

/** Inverse of {@link cidFromDigest}: accepts `b…` or `ipfs://b…`; rejects other CID kinds. */
export function digestFromCid(cid: string): Hex {
  const bare = cid.startsWith("ipfs://") ? cid.slice("ipfs://".length) : cid;
  if (!bare.startsWith("b") || bare.length !== 59) {
    throw new Error(`not a base32 CIDv1 of a sha2-256 digest: ${cid}`);
  }
  const bytes = unbase32(bare.slice(1));
  if (bytes.length !== 36 || !CID_PREFIX.every((b, i) => bytes[i] === b)) {
    throw new Error(`not a raw-codec sha2-256 CIDv1: ${cid}`);
  }
  return `0x${Buffer.from(bytes.subarray(4)).toString("hex")}`;
}
