// The EIP-712 definition of a PVATwin claim voucher. The server signs with exactly these
// objects (e.g. viem's `signTypedData`), so a mismatch with the contract cannot creep in;
// a test checks the type hash against PVATwin.CLAIM_VOUCHER_TYPEHASH.
import type { Address, Hex } from "./types";

export const TWIN_EIP712_NAME = "PVATwin";
export const TWIN_EIP712_VERSION = "1";

export const claimVoucherTypes = {
  ClaimVoucher: [
    { name: "to", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "metadataDigest", type: "bytes32" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface ClaimVoucher {
  to: Address;
  tokenId: bigint;
  metadataDigest: Hex;
  /** Unix seconds; the last block timestamp at which the voucher is accepted. */
  deadline: bigint;
}

/** EIP-712 domain of the PVATwin deployed at `verifyingContract` on `chainId`. */
export function twinDomain(chainId: number | bigint, verifyingContract: Address) {
  return {
    name: TWIN_EIP712_NAME,
    version: TWIN_EIP712_VERSION,
    chainId: Number(chainId),
    verifyingContract,
  } as const;
}

/** Everything `signTypedData` needs for `voucher` (viem: `account.signTypedData(claimVoucherTypedData(...))`). */
export function claimVoucherTypedData(chainId: number | bigint, verifyingContract: Address, voucher: ClaimVoucher) {
  return {
    domain: twinDomain(chainId, verifyingContract),
    types: claimVoucherTypes,
    primaryType: "ClaimVoucher",
    message: voucher,
  } as const;
}
