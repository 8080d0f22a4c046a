import { decodeErrorResult, encodeFunctionData, type Address, type Hex } from "viem";
import { roles } from "../lib/roles";
import { accounts, isolateChainState, latestTimestamp, mined, publicClient, walletFor } from "./helpers/chain";
import { deployReentrantReceiver, pvaSharesAbi, pvaTwinAbi, reentrantReceiverAbi, sharesFixture, twinFixture } from "./helpers/contracts";
import { digestFor, signVoucher } from "./helpers/vouchers";

const { admin, minter, compliance, issuer, relayer } = accounts;

/** What the receiver saw when it tried to call back in from its hook. */
async function reentryOutcome(receiver: Address, abi: typeof pvaTwinAbi | typeof pvaSharesAbi) {
  const read = (functionName: string) => publicClient.readContract({ address: receiver, abi: reentrantReceiverAbi, functionName });
  const attempted = (await read("attempted")) as boolean;
  const succeeded = (await read("reentrySucceeded")) as boolean;
  const revertData = (await read("reentryRevertData")) as Hex;
  const errorName = revertData !== "0x" ? decodeErrorResult({ abi, data: revertData }).errorName : undefined;
  return { attempted, succeeded, errorName };
}

describe("a receiver that re-enters from its ERC-721 / ERC-1155 hook cannot mint twice", () => {
  let twin: Address;
  let shares: Address;
  let receiver: Address;

  beforeAll(async () => {
    twin = await twinFixture();
    shares = await sharesFixture();
    receiver = await deployReentrantReceiver();
  });
  isolateChainState();

  const arm = (target: Address, payload: Hex) =>
    mined(walletFor(relayer).writeContract({ address: receiver, abi: reentrantReceiverAbi, functionName: "arm", args: [target, payload] }));
  const twinBalance = () => publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "balanceOf", args: [receiver] });

  describe("PVATwin.claim → onERC721Received → claim", () => {
    async function vouchers() {
      const deadline = (await latestTimestamp()) + 3600n;
      const first = { to: receiver, tokenId: 1n, metadataDigest: digestFor("one"), deadline };
      const second = { to: receiver, tokenId: 2n, metadataDigest: digestFor("two"), deadline };
      return {
        first,
        firstSig: await signVoucher(minter, twin, first),
        second,
        secondSig: await signVoucher(minter, twin, second),
      };
    }

    it("blocks re-entry with a second valid voucher (ReentrancyGuardReentrantCall)", async () => {
      const { first, firstSig, second, secondSig } = await vouchers();
      await arm(twin, encodeFunctionData({ abi: pvaTwinAbi, functionName: "claim", args: [second, secondSig] }));

      await mined(walletFor(relayer).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "claim", args: [first, firstSig] }));

      expect(await reentryOutcome(receiver, pvaTwinAbi)).toEqual({ attempted: true, succeeded: false, errorName: "ReentrancyGuardReentrantCall" });
      expect(await twinBalance()).toBe(1n);
      expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [1n] })).toBe(receiver);
    });

    it("blocks re-entry with the very voucher being redeemed", async () => {
      const { first, firstSig } = await vouchers();
      await arm(twin, encodeFunctionData({ abi: pvaTwinAbi, functionName: "claim", args: [first, firstSig] }));

      await mined(walletFor(relayer).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "claim", args: [first, firstSig] }));

      const outcome = await reentryOutcome(receiver, pvaTwinAbi);
      expect(outcome.attempted).toBe(true);
      expect(outcome.succeeded).toBe(false);
      expect(await twinBalance()).toBe(1n);
    });

    it("blocks a minter contract re-entering mintTo from its hook", async () => {
      await mined(walletFor(admin).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "grantRole", args: [roles.MINTER_ROLE, receiver] }));
      await arm(twin, encodeFunctionData({ abi: pvaTwinAbi, functionName: "mintTo", args: [receiver, 2n, digestFor("two")] }));

      await mined(walletFor(minter).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "mintTo", args: [receiver, 1n, digestFor("one")] }));

      expect(await reentryOutcome(receiver, pvaTwinAbi)).toEqual({ attempted: true, succeeded: false, errorName: "ReentrancyGuardReentrantCall" });
      expect(await twinBalance()).toBe(1n);
    });
  });

  describe("PVAShares.mintShares → onERC1155Received → mintShares", () => {
    beforeEach(async () => {
      await mined(walletFor(issuer).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "createOffering", args: [1n, 1n, 100n, 0n] }));
      await mined(walletFor(compliance).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setEligible", args: [receiver, true] }));
      // The worst case: the receiver itself is a minter (e.g. a compromised automation contract).
      await mined(walletFor(admin).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "grantRole", args: [roles.MINTER_ROLE, receiver] }));
    });

    it("blocks the nested mint (ReentrancyGuardReentrantCall): only the outer amount is minted", async () => {
      await arm(shares, encodeFunctionData({ abi: pvaSharesAbi, functionName: "mintShares", args: [receiver, 1n, 50n] }));

      await mined(walletFor(minter).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [receiver, 1n, 30n] }));

      expect(await reentryOutcome(receiver, pvaSharesAbi)).toEqual({ attempted: true, succeeded: false, errorName: "ReentrancyGuardReentrantCall" });
      expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "balanceOf", args: [receiver, 1n] })).toBe(30n);
      expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "totalSupply", args: [1n] })).toBe(30n);
    });

    it("never lets a nested mint push the supply past maxShares", async () => {
      await arm(shares, encodeFunctionData({ abi: pvaSharesAbi, functionName: "mintShares", args: [receiver, 1n, 1n] }));

      await mined(walletFor(minter).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [receiver, 1n, 100n] }));

      const outcome = await reentryOutcome(receiver, pvaSharesAbi);
      expect(outcome.attempted).toBe(true);
      expect(outcome.succeeded).toBe(false);
      expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "totalSupply", args: [1n] })).toBe(100n);
    });
  });
});
