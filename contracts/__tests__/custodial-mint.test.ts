import { parseEventLogs, type Address } from "viem";
import { tokenUriFromDigest } from "../lib/cid";
import { accounts, expectRevert, isolateChainState, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";
import { digestFor } from "./helpers/vouchers";

const { minter, admin, alice, bob } = accounts;
const ZERO = "0x0000000000000000000000000000000000000000";

describe("PVATwin.mintTo: the custodial path for minters", () => {
  let twin: Address;

  beforeAll(async () => {
    twin = await twinFixture();
  });
  isolateChainState();

  const mintTo = (to: Address, tokenId: bigint, digest: `0x${string}`, from = minter) =>
    walletFor(from).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "mintTo", args: [to, tokenId, digest] });

  it("mints to the given address with its metadata digest, emitting Transfer but not Claimed", async () => {
    const digest = digestFor("custodial");
    const receipt = await mined(mintTo(alice.address, 5n, digest));
    const events = parseEventLogs({ abi: pvaTwinAbi, logs: receipt.logs });
    expect(events.map((e) => e.eventName)).toEqual(["Transfer"]);
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [5n] })).toBe(alice.address);
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "tokenURI", args: [5n] })).toBe(tokenUriFromDigest(digest));
  });

  it("never mints the same token id twice (TwinAlreadyMinted), leaving owner and metadata untouched", async () => {
    const digest = digestFor("first");
    await mined(mintTo(alice.address, 5n, digest));
    await expectRevert(mintTo(bob.address, 5n, digestFor("second")), "TwinAlreadyMinted", [5n]);
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [5n] })).toBe(alice.address);
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "metadataDigestOf", args: [5n] })).toBe(digest);
  });

  it("rejects a zero metadata digest with MetadataDigestZero", async () => {
    await expectRevert(mintTo(alice.address, 5n, `0x${"00".repeat(32)}`), "MetadataDigestZero");
  });

  it("rejects the zero address with ERC721InvalidReceiver", async () => {
    await expectRevert(mintTo(ZERO, 5n, digestFor("x")), "ERC721InvalidReceiver", [ZERO]);
  });

  it("reverts with EnforcedPause while paused", async () => {
    await mined(walletFor(admin).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "pause" }));
    await expectRevert(mintTo(alice.address, 5n, digestFor("x")), "EnforcedPause");
  });

  it("does not pause transfers of existing twins (owners keep control)", async () => {
    await mined(mintTo(alice.address, 5n, digestFor("x")));
    await mined(walletFor(admin).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "pause" }));
    await mined(
      walletFor(alice).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "transferFrom", args: [alice.address, bob.address, 5n] }),
    );
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [5n] })).toBe(bob.address);
  });
});
