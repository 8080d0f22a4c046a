import { hashTypedData, parseEventLogs, type Hex } from "viem";
import { claimVoucherTypedData, type ClaimVoucher } from "../lib/voucher";
import { tokenUriFromDigest } from "../lib/cid";
import { roles } from "../lib/roles";
import {
  CHAIN_ID,
  accounts,
  expectRevert,
  mined,
  publicClient,
  revertOf,
  testClient,
  walletFor,
} from "./helpers/chain";
import { pvaTwinAbi } from "./helpers/contracts";
import { digestFor, signVoucher, useSignedVoucher } from "./helpers/vouchers";

const { minter, alice, relayer, mallory, admin } = accounts;

describe("PVATwin.claim redeems a minter-signed EIP-712 voucher", () => {
  const signed = useSignedVoucher(1001n);

  const claimAs = (sender = relayer, v: ClaimVoucher = signed.voucher, sig: Hex = signed.signature) =>
    walletFor(sender).writeContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "claim", args: [v, sig] });

  it("mints to voucher.to when a relayer submits (and pays for) the transaction", async () => {
    const receipt = await mined(claimAs(relayer));

    const read = { address: signed.twin, abi: pvaTwinAbi } as const;
    expect(await publicClient.readContract({ ...read, functionName: "ownerOf", args: [signed.voucher.tokenId] })).toBe(alice.address);
    expect(await publicClient.readContract({ ...read, functionName: "balanceOf", args: [relayer.address] })).toBe(0n);
    expect(await publicClient.readContract({ ...read, functionName: "metadataDigestOf", args: [signed.voucher.tokenId] })).toBe(signed.voucher.metadataDigest);
    expect(await publicClient.readContract({ ...read, functionName: "tokenURI", args: [signed.voucher.tokenId] })).toBe(
      tokenUriFromDigest(signed.voucher.metadataDigest),
    );

    const events = parseEventLogs({ abi: pvaTwinAbi, logs: receipt.logs });
    expect(events.map((e) => e.eventName)).toEqual(["Transfer", "Claimed"]);
    expect(events[0].args).toEqual({ from: "0x0000000000000000000000000000000000000000", to: alice.address, tokenId: signed.voucher.tokenId });
    expect(events[1].args).toEqual({ tokenId: signed.voucher.tokenId, to: alice.address });
  });

  it("lets the recipient submit their own claim", async () => {
    await mined(claimAs(alice));
    expect(await publicClient.readContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [signed.voucher.tokenId] })).toBe(alice.address);
  });

  it("signs exactly the digest the contract computes (shared EIP-712 definition)", async () => {
    const onChain = await publicClient.readContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "hashClaimVoucher", args: [signed.voucher] });
    expect(onChain).toBe(hashTypedData(claimVoucherTypedData(CHAIN_ID, signed.twin, signed.voucher)));
  });

  it("accepts a voucher in the block whose timestamp equals its deadline", async () => {
    await testClient.setNextBlockTimestamp({ timestamp: signed.voucher.deadline });
    await mined(claimAs());
    expect(await publicClient.readContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [signed.voucher.tokenId] })).toBe(alice.address);
  });

  it("rejects a voucher after its deadline with ClaimExpired(deadline, blockTimestamp)", async () => {
    await testClient.setNextBlockTimestamp({ timestamp: signed.voucher.deadline + 1n });
    await testClient.mine({ blocks: 1 });
    const revert = await revertOf(claimAs());
    expect(revert.errorName).toBe("ClaimExpired");
    const [deadline, blockTimestamp] = revert.args as [bigint, bigint];
    expect(deadline).toBe(signed.voucher.deadline);
    expect(blockTimestamp).toBeGreaterThan(signed.voucher.deadline);
  });

  it("rejects a voucher signed by an account without MINTER_ROLE with ClaimSignerUnauthorized", async () => {
    const forged = await signVoucher(mallory, signed.twin, signed.voucher);
    await expectRevert(claimAs(relayer, signed.voucher, forged), "ClaimSignerUnauthorized", [mallory.address]);
  });

  it("rejects vouchers of a minter whose role has been revoked", async () => {
    await mined(
      walletFor(admin).writeContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "revokeRole", args: [roles.MINTER_ROLE, minter.address] }),
    );
    await expectRevert(claimAs(), "ClaimSignerUnauthorized", [minter.address]);
  });

  it("rejects a token id that was already minted through mintTo with TwinAlreadyMinted", async () => {
    await mined(
      walletFor(minter).writeContract({
        address: signed.twin,
        abi: pvaTwinAbi,
        functionName: "mintTo",
        args: [accounts.bob.address, signed.voucher.tokenId, digestFor("other")],
      }),
    );
    await expectRevert(claimAs(), "TwinAlreadyMinted", [signed.voucher.tokenId]);
    expect(await publicClient.readContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [signed.voucher.tokenId] })).toBe(
      accounts.bob.address,
    );
  });

  it("rejects a signature that is not 65 bytes with ClaimSignatureInvalid", async () => {
    await expectRevert(claimAs(relayer, signed.voucher, signed.signature.slice(0, 2 + 64 * 2) as Hex), "ClaimSignatureInvalid");
  });

  it("rejects a 65-byte signature that recovers no address with ClaimSignatureInvalid", async () => {
    const zeroR = `0x${"00".repeat(32)}${signed.signature.slice(66)}` as Hex;
    await expectRevert(claimAs(relayer, signed.voucher, zeroR), "ClaimSignatureInvalid");
  });

  it("rejects a voucher with a zero metadata digest with MetadataDigestZero", async () => {
    signed.voucher = { ...signed.voucher, metadataDigest: `0x${"00".repeat(32)}` };
    signed.signature = await signVoucher(minter, signed.twin, signed.voucher);
    await expectRevert(claimAs(), "MetadataDigestZero");
  });

  it("rejects a voucher for the zero address with ERC721InvalidReceiver", async () => {
    signed.voucher = { ...signed.voucher, to: "0x0000000000000000000000000000000000000000" };
    signed.signature = await signVoucher(minter, signed.twin, signed.voucher);
    await expectRevert(claimAs(), "ERC721InvalidReceiver", [signed.voucher.to]);
  });

  it("reverts with EnforcedPause while paused, and accepts the same voucher after unpause", async () => {
    await mined(walletFor(admin).writeContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "pause" }));
    await expectRevert(claimAs(), "EnforcedPause");
    await mined(walletFor(admin).writeContract({ address: signed.twin, abi: pvaTwinAbi, functionName: "unpause" }));
    await mined(claimAs());
  });
});
