import fc from "fast-check";
import { parseEventLogs, type Address, type LocalAccount } from "viem";
import { shareRestrictions, type ShareRestriction } from "../lib/roles";
import { accounts, expectRevert, isolateChainState, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaSharesAbi, sharesFixture } from "./helpers/contracts";

const { issuer, minter, compliance, admin, alice, bob, carol, mallory } = accounts;
const ZERO = "0x0000000000000000000000000000000000000000";

describe("PVAShares moves shares only between compliance-approved (KYC) holders", () => {
  let shares: Address;

  const setEligible = (who: Address, eligible: boolean) =>
    mined(walletFor(compliance).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setEligible", args: [who, eligible] }));
  const mintShares = (to: Address, amount: bigint, id = 1n) =>
    walletFor(minter).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [to, id, amount] });
  const transfer = (from: LocalAccount, to: Address, amount: bigint, id = 1n) =>
    walletFor(from).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "safeTransferFrom", args: [from.address, to, id, amount, "0x"] });
  const balanceOf = (who: Address, id = 1n) =>
    publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "balanceOf", args: [who, id] });
  const canTransfer = async (from: Address, to: Address, amount: bigint, id = 1n): Promise<[boolean, ShareRestriction]> => {
    const [allowed, reason] = await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "canTransfer", args: [from, to, id, amount] });
    return [allowed, shareRestrictions[reason]];
  };

  beforeAll(async () => {
    shares = await sharesFixture();
    await mined(walletFor(issuer).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "createOffering", args: [1n, 9n, 100n, 0n] }));
    await setEligible(alice.address, true);
    await setEligible(bob.address, true);
    await mined(mintShares(alice.address, 40n));
  });
  isolateChainState();

  it("setEligible emits EligibilitySet and isEligible reflects it", async () => {
    const receipt = await setEligible(carol.address, true);
    const [event] = parseEventLogs({ abi: pvaSharesAbi, logs: receipt.logs, eventName: "EligibilitySet" });
    expect(event.args).toEqual({ account: carol.address, eligible: true });
    expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "isEligible", args: [carol.address] })).toBe(true);
  });

  it("moves shares between eligible holders", async () => {
    await mined(transfer(alice, bob.address, 15n));
    expect(await balanceOf(alice.address)).toBe(25n);
    expect(await balanceOf(bob.address)).toBe(15n);
  });

  it("rejects a mint to an address compliance never approved with RecipientNotEligible", async () => {
    await expectRevert(mintShares(carol.address, 1n), "RecipientNotEligible", [carol.address]);
    expect(await canTransfer(ZERO, carol.address, 1n)).toEqual([false, "RecipientNotEligible"]);
  });

  it("rejects a transfer to an ineligible address with RecipientNotEligible", async () => {
    await expectRevert(transfer(alice, carol.address, 1n), "RecipientNotEligible", [carol.address]);
    expect(await canTransfer(alice.address, carol.address, 1n)).toEqual([false, "RecipientNotEligible"]);
    expect(await balanceOf(alice.address)).toBe(40n);
  });

  it("blocks batch transfers to ineligible addresses as well", async () => {
    await expectRevert(
      walletFor(alice).writeContract({
        address: shares,
        abi: pvaSharesAbi,
        functionName: "safeBatchTransferFrom",
        args: [alice.address, carol.address, [1n], [1n], "0x"],
      }),
      "RecipientNotEligible",
      [carol.address],
    );
  });

  it("freezes a holder whose approval was revoked: they cannot send (SenderNotEligible)", async () => {
    await setEligible(alice.address, false);
    await expectRevert(transfer(alice, bob.address, 1n), "SenderNotEligible", [alice.address]);
    expect(await canTransfer(alice.address, bob.address, 1n)).toEqual([false, "SenderNotEligible"]);
    expect(await balanceOf(alice.address)).toBe(40n);
  });

  it("checks the holder, not the operator, when an approved operator moves shares", async () => {
    await mined(walletFor(alice).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setApprovalForAll", args: [mallory.address, true] }));
    await mined(
      walletFor(mallory).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "safeTransferFrom", args: [alice.address, bob.address, 1n, 5n, "0x"] }),
    );
    expect(await balanceOf(bob.address)).toBe(5n);
    await expectRevert(
      walletFor(mallory).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "safeTransferFrom", args: [alice.address, mallory.address, 1n, 5n, "0x"] }),
      "RecipientNotEligible",
      [mallory.address],
    );
  });

  it("stops mints and transfers while paused (EnforcedPause), and canTransfer says Paused", async () => {
    await mined(walletFor(admin).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "pause" }));
    await expectRevert(mintShares(bob.address, 1n), "EnforcedPause");
    await expectRevert(transfer(alice, bob.address, 1n), "EnforcedPause");
    expect(await canTransfer(alice.address, bob.address, 1n)).toEqual([false, "Paused"]);
  });

  it("canTransfer explains every other refusal", async () => {
    expect(await canTransfer(alice.address, bob.address, 40n)).toEqual([true, "None"]);
    expect(await canTransfer(ZERO, bob.address, 60n)).toEqual([true, "None"]);
    expect(await canTransfer(alice.address, bob.address, 41n)).toEqual([false, "InsufficientBalance"]);
    expect(await canTransfer(ZERO, bob.address, 61n)).toEqual([false, "ExceedsMaxShares"]);
    expect(await canTransfer(ZERO, bob.address, 1n, 2n)).toEqual([false, "UnknownOffering"]);
    expect(await canTransfer(alice.address, bob.address, 1n, 2n)).toEqual([false, "InsufficientBalance"]);
    expect(await canTransfer(alice.address, ZERO, 1n)).toEqual([false, "InvalidRecipient"]);
  });

  it("canTransfer agrees with what an actual transfer or mint does", async () => {
    const people = [alice, bob, carol, mallory];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1, max: people.length - 1 }), // -1: a mint
        fc.integer({ min: 0, max: people.length - 1 }),
        fc.bigInt({ min: 0n, max: 80n }),
        fc.constantFrom(1n, 2n),
        async (fromIndex, toIndex, amount, id) => {
          const to = people[toIndex].address;
          const from = fromIndex < 0 ? ZERO : people[fromIndex].address;
          const [allowed] = await canTransfer(from, to, amount, id);
          const action =
            fromIndex < 0
              ? publicClient.simulateContract({ account: minter, address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [to, id, amount] })
              : publicClient.simulateContract({
                  account: people[fromIndex],
                  address: shares,
                  abi: pvaSharesAbi,
                  functionName: "safeTransferFrom",
                  args: [from, to, id, amount, "0x"],
                });
          const succeeded = await action.then(
            () => true,
            () => false,
          );
          expect(succeeded).toBe(allowed);
        },
      ),
      { numRuns: 40 },
    );
  });

});
