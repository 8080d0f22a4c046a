import { hashTypedData, parseEventLogs, type Address, type Hex } from "viem";
import { claimVoucherTypedData, type ClaimVoucher } from "../lib/voucher";
import { tokenUriFromDigest } from "../lib/cid";
import { roles } from "../lib/roles";
import {
  CHAIN_ID,
  accounts,
  expectRevert,
  isolateChainState,
  latestTimestamp,
  mined,
  publicClient,
  revertOf,
  testClient,
  walletFor,
} from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";
import { digestFor, signVoucher } from "./helpers/vouchers";

const { minter, alice, relayer, mallory, admin } = accounts;

describe("PVATwin.claim redeems a minter-signed EIP-712 voucher", () => {
  let twin: Address;
  let voucher: ClaimVoucher;
  let signature: Hex;

  beforeAll(async () => {
    twin = await twinFixture();
  });
  isolateChainState();

  beforeEach(async () => {
    voucher = {
      to: alice.address,
      tokenId: 1001n,
      metadataDigest: digestFor("piece-1001"),
      deadline: (await latestTimestamp()) + 3600n,
    };
    signature = await signVoucher(minter, twin, voucher);
  });

  const claimAs = (sender = relayer, v: ClaimVoucher = voucher, sig: Hex = signature) =>
    walletFor(sender).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "claim", args: [v, sig] });

  it("mints to voucher.to when a relayer submits (and pays for) the transaction", async () => {
    const receipt = await mined(claimAs(relayer));

    const read = { address: twin, abi: pvaTwinAbi } as const;
    expect(await publicClient.readContract({ ...read, functionName: "ownerOf", args: [voucher.tokenId] })).toBe(alice.address);
    expect(await publicClient.readContract({ ...read, functionName: "balanceOf", args: [relayer.address] })).toBe(0n);
    expect(await publicClient.readContract({ ...read, functionName: "metadataDigestOf", args: [voucher.tokenId] })).toBe(voucher.metadataDigest);
    expect(await publicClient.readContract({ ...read, functionName: "tokenURI", args: [voucher.tokenId] })).toBe(
      tokenUriFromDigest(voucher.metadataDigest),
    );

    const events = parseEventLogs({ abi: pvaTwinAbi, logs: receipt.logs });
    expect(events.map((e) => e.eventName)).toEqual(["Transfer", "Claimed"]);
    expect(events[0].args).toEqual({ from: "0x0000000000000000000000000000000000000000", to: alice.address, tokenId: voucher.tokenId });
    expect(events[1].args).toEqual({ tokenId: voucher.tokenId, to: alice.address });
  });

  it("lets the recipient submit their own claim", async () => {
    await mined(claimAs(alice));
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [voucher.tokenId] })).toBe(alice.address);
  });

  it("signs exactly the digest the contract computes (shared EIP-712 definition)", async () => {
    const onChain = await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "hashClaimVoucher", args: [voucher] });
    expect(onChain).toBe(hashTypedData(claimVoucherTypedData(CHAIN_ID, twin, voucher)));
  });

  it("accepts a voucher in the block whose timestamp equals its deadline", async () => {
    await testClient.setNextBlockTimestamp({ timestamp: voucher.deadline });
    await mined(claimAs());
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [voucher.tokenId] })).toBe(alice.address);
  });

  it("rejects a voucher after its deadline with ClaimExpired(deadline, blockTimestamp)", async () => {
    await testClient.setNextBlockTimestamp({ timestamp: voucher.deadline + 1n });
    await testClient.mine({ blocks: 1 });
    const revert = await revertOf(claimAs());
    expect(revert.errorName).toBe("ClaimExpired");
    const [deadline, blockTimestamp] = revert.args as [bigint, bigint];
    expect(deadline).toBe(voucher.deadline);
    expect(blockTimestamp).toBeGreaterThan(voucher.deadline);
  });

  it("rejects a voucher signed by an account without MINTER_ROLE with ClaimSignerUnauthorized", async () => {
    const forged = await signVoucher(mallory, twin, voucher);
    await expectRevert(claimAs(relayer, voucher, forged), "ClaimSignerUnauthorized", [mallory.address]);
  });

  it("rejects vouchers of a minter whose role has been revoked", async () => {
    await mined(
      walletFor(admin).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "revokeRole", args: [roles.MINTER_ROLE, minter.address] }),
    );
    await expectRevert(claimAs(), "ClaimSignerUnauthorized", [minter.address]);
  });

  it("rejects a token id that was already minted through mintTo with TwinAlreadyMinted", async () => {
    await mined(
      walletFor(minter).writeContract({
        address: twin,
        abi: pvaTwinAbi,
        functionName: "mintTo",
        args: [accounts.bob.address, voucher.tokenId, digestFor("other")],
      }),
    );
    await expectRevert(claimAs(), "TwinAlreadyMinted", [voucher.tokenId]);
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [voucher.tokenId] })).toBe(
      accounts.bob.address,
    );
  });

  it("rejects a signature that is not 65 bytes with ClaimSignatureInvalid", async () => {
    await expectRevert(claimAs(relayer, voucher, signature.slice(0, 2 + 64 * 2) as Hex), "ClaimSignatureInvalid");
  });

  it("rejects a 65-byte signature that recovers no address with ClaimSignatureInvalid", async () => {
    const zeroR = `0x${"00".repeat(32)}${signature.slice(66)}` as Hex;
    await expectRevert(claimAs(relayer, voucher, zeroR), "ClaimSignatureInvalid");
  });

  it("rejects a voucher with a zero metadata digest with MetadataDigestZero", async () => {
    voucher = { ...voucher, metadataDigest: `0x${"00".repeat(32)}` };
    signature = await signVoucher(minter, twin, voucher);
    await expectRevert(claimAs(), "MetadataDigestZero");
  });

  it("rejects a voucher for the zero address with ERC721InvalidReceiver", async () => {
    voucher = { ...voucher, to: "0x0000000000000000000000000000000000000000" };
    signature = await signVoucher(minter, twin, voucher);
    await expectRevert(claimAs(), "ERC721InvalidReceiver", [voucher.to]);
  });

  it("reverts with EnforcedPause while paused, and accepts the same voucher after unpause", async () => {
    await mined(walletFor(admin).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "pause" }));
    await expectRevert(claimAs(), "EnforcedPause");
    await mined(walletFor(admin).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "unpause" }));
    await mined(claimAs());
  });
});
