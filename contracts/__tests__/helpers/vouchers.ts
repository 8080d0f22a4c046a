import { concat, numberToHex, parseSignature, type Address, type Hex, type LocalAccount } from "viem";
import { claimVoucherTypedData, type ClaimVoucher } from "../../lib/voucher";
import { CHAIN_ID, accounts, isolateChainState, latestTimestamp } from "./chain";
import { twinFixture } from "./contracts";

/** secp256k1 group order. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export function signVoucher(signer: LocalAccount, twin: Address, voucher: ClaimVoucher, chainId: number = CHAIN_ID) {
  return signer.signTypedData(claimVoucherTypedData(chainId, twin, voucher));
}

/**
 * The other valid ECDSA signature of the same digest: s' = n - s with the parity flipped.
 * Plain `ecrecover` accepts it and returns the same signer; EIP-2 low-s checks must not.
 */
export function malleate(signature: Hex): Hex {
  const { r, s, yParity } = parseSignature(signature);
  const highS = N - BigInt(s);
  const v = yParity === 0 ? 28 : 27;
  return concat([r, numberToHex(highS, { size: 32 }), numberToHex(v, { size: 1 })]);
}

/** Distinct, non-zero digests for tests. */
export function digestFor(label: string | number): Hex {
  return numberToHex(BigInt(`0x${Buffer.from(String(label)).toString("hex")}`) | (1n << 255n), { size: 32 });
}

/**
 * For a describe block about claims: a PVATwin with the test roles (deployed once), the chain
 * reset around each test, and before each a fresh voucher of `tokenId` to alice, signed by the
 * minter. Tests may replace `voucher` and `signature` on the returned object.
 */
export function useSignedVoucher(tokenId: bigint) {
  const signed = {} as { twin: Address; voucher: ClaimVoucher; signature: Hex };
  beforeAll(async () => {
    signed.twin = await twinFixture();
  });
  isolateChainState();
  beforeEach(async () => {
    signed.voucher = {
      to: accounts.alice.address,
      tokenId,
      metadataDigest: digestFor(`piece-${tokenId}`),
      deadline: (await latestTimestamp()) + 3600n,
    };
    signed.signature = await signVoucher(accounts.minter, signed.twin, signed.voucher);
  });
  return signed;
}
