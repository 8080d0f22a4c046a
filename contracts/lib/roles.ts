// keccak256 of the role names, as in the contracts; a test compares them with the
// deployed contracts' constants. Kept as literals so importing this package needs no
// hashing library at run time.
import type { Hex } from "./types";

export const roles = {
  DEFAULT_ADMIN_ROLE: "0x0000000000000000000000000000000000000000000000000000000000000000",
  MINTER_ROLE: "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6",
  ATTESTER_ROLE: "0xca77cd8f9856ef5fcd36f6b15bf469fe216c2f9114f60dd031f0a2b97b67aaa9",
  ISSUER_ROLE: "0x114e74f6ea3bd819998f78687bfcb11b140da08e9b7d222fa9c1f1ba1f2aa122",
  COMPLIANCE_ROLE: "0x442a94f1a1fac79af32856af2a64f63648cfa2ef3b98610a5bb7cbec4cee6985",
} as const satisfies Record<string, Hex>;

/** PVAShares.canTransfer's `reason`, by enum index. */
export const shareRestrictions = [
  "None",
  "Paused",
  "UnknownOffering",
  "InvalidRecipient",
  "SenderNotEligible",
  "RecipientNotEligible",
  "InsufficientBalance",
  "ExceedsMaxShares",
  "LockedUp",
] as const;
export type ShareRestriction = (typeof shareRestrictions)[number];
