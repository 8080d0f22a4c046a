import type { Address, Hex } from "viem";
import type { ClaimVoucher } from "../lib/voucher";
import { roles } from "../lib/roles";
import {
  accounts,
  expectRevert,
  mined,
  publicClient,
  revertOf,
  walletFor,
} from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";
import { digestFor, signVoucher, useSignedVoucher } from "./helpers/vouchers";

const { minter, alice, bob, relayer, mallory } = accounts;

describe("a claim voucher is good for one recipient, one token, one contract, one chain, once", () => {
  const signed = useSignedVoucher(7n);

  const claim = (target: Address, v: ClaimVoucher, sig: Hex, sender = relayer) =>
    walletFor(sender).writeContract({ address: target, abi: pvaTwinAbi, functionName: "claim", args: [v, sig] });
  const ownerOf = (target: Address, tokenId: bigint) =>
    publicClient.readContract({ address: target, abi: pvaTwinAbi, functionName: "ownerOf", args: [tokenId] });

  it("cannot be replayed on the same contract, by anyone", async () => {
    await mined(claim(signed.twin, signed.voucher, signed.signature));
    await expectRevert(claim(signed.twin, signed.voucher, signed.signature), "TwinAlreadyMinted", [signed.voucher.tokenId]);
    await expectRevert(claim(signed.twin, signed.voucher, signed.signature, alice), "TwinAlreadyMinted", [signed.voucher.tokenId]);
  });

  it("is rejected by a second PVATwin deployment, even one where the same signer is a minter", async () => {
    const other = await twinFixture();
    expect(await publicClient.readContract({ address: other, abi: pvaTwinAbi, functionName: "hasRole", args: [roles.MINTER_ROLE, minter.address] })).toBe(true);

    const revert = await revertOf(claim(other, signed.voucher, signed.signature));
    expect(revert.errorName).toBe("ClaimSignerUnauthorized");
    // The domain's verifyingContract differs, so the signature recovers an unrelated key.
    expect(revert.args?.[0]).not.toBe(minter.address);

    await mined(claim(signed.twin, signed.voucher, signed.signature));
  });

  it("is rejected when signed for another chain id", async () => {
    const otherChain = await signVoucher(minter, signed.twin, signed.voucher, 8453);
    const revert = await revertOf(claim(signed.twin, signed.voucher, otherChain));
    expect(revert.errorName).toBe("ClaimSignerUnauthorized");
    expect(revert.args?.[0]).not.toBe(minter.address);
  });

  describe("tampering with any signed field invalidates the signature", () => {
    const tampered: [string, (v: ClaimVoucher) => ClaimVoucher][] = [
      ["to", (v) => ({ ...v, to: mallory.address })],
      ["tokenId", (v) => ({ ...v, tokenId: v.tokenId + 1n })],
      ["metadataDigest", (v) => ({ ...v, metadataDigest: digestFor("forged metadata") })],
      ["deadline", (v) => ({ ...v, deadline: v.deadline + 86_400n })],
    ];

    it.each(tampered)("changing %s makes the claim fail with ClaimSignerUnauthorized", async (_field, tamper) => {
      const forged = tamper(signed.voucher);
      const revert = await revertOf(claim(signed.twin, forged, signed.signature, mallory));
      expect(revert.errorName).toBe("ClaimSignerUnauthorized");
      expect(revert.args?.[0]).not.toBe(minter.address);

      // The untouched voucher still works, so it was the tampering that failed.
      await mined(claim(signed.twin, signed.voucher, signed.signature));
      expect(await ownerOf(signed.twin, signed.voucher.tokenId)).toBe(alice.address);
    });
  });

  it("only ever mints to voucher.to, whoever submits it", async () => {
    await mined(claim(signed.twin, signed.voucher, signed.signature, mallory));
    expect(await ownerOf(signed.twin, signed.voucher.tokenId)).toBe(alice.address);
    expect(await publicClient.readContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "balanceOf", args: [mallory.address] })).toBe(0n);
    expect(await publicClient.readContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "balanceOf", args: [bob.address] })).toBe(0n);
  });
});
