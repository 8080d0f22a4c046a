import { parseEventLogs, type Address, type LocalAccount } from "viem";
import { shareRestrictions } from "../lib/roles";
import { accounts, expectRevert, isolateChainState, latestTimestamp, mined, publicClient, travelTo as travelToTimestamp, walletFor } from "./helpers/chain";
import { pvaSharesAbi, sharesFixture } from "./helpers/contracts";

const { issuer, minter, compliance, alice, bob } = accounts;
const LOCKED = 1n;
const FREE = 2n;
const WEEK = 7 * 24 * 3600;

describe("PVAShares lock-up: holders cannot transfer an offering's shares before its lock-up date", () => {
  let shares: Address;
  let lockupUntil: bigint;

  const transfer = (from: LocalAccount, to: Address, id: bigint, amount: bigint) =>
    walletFor(from).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "safeTransferFrom", args: [from.address, to, id, amount, "0x"] });
  const mint = (to: Address, id: bigint, amount: bigint) =>
    walletFor(minter).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [to, id, amount] });
  const balanceOf = (who: Address, id: bigint) => publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "balanceOf", args: [who, id] });
  const canTransfer = async (from: Address, to: Address, id: bigint, amount: bigint) => {
    const [allowed, reason] = await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "canTransfer", args: [from, to, id, amount] });
    return [allowed, shareRestrictions[reason]];
  };
  const travelTo = async (timestamp: bigint) => {
    await travelToTimestamp(timestamp);
    expect(await latestTimestamp()).toBe(timestamp);
  };

  beforeAll(async () => {
    shares = await sharesFixture();
    lockupUntil = (await latestTimestamp()) + BigInt(WEEK);
    const created = await mined(
      walletFor(issuer).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "createOffering", args: [LOCKED, 7n, 100n, lockupUntil] }),
    );
    const [event] = parseEventLogs({ abi: pvaSharesAbi, logs: created.logs, eventName: "LockupSet" });
    expect(event.args).toEqual({ offeringId: LOCKED, lockupUntil });
    await mined(walletFor(issuer).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "createOffering", args: [FREE, 8n, 100n, 0n] }));
    for (const who of [alice, bob]) {
      await mined(walletFor(compliance).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setEligible", args: [who.address, true] }));
    }
    await mined(mint(alice.address, LOCKED, 10n));
    await mined(mint(alice.address, FREE, 10n));
  });
  isolateChainState();

  it("records the lock-up date, and 0 for an offering without one", async () => {
    expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "lockupUntil", args: [LOCKED] })).toBe(lockupUntil);
    expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "lockupUntil", args: [FREE] })).toBe(0n);
  });

  it("rejects a transfer before the lock-up date with SharesLockedUp, and canTransfer says LockedUp", async () => {
    await expectRevert(transfer(alice, bob.address, LOCKED, 1n), "SharesLockedUp", [LOCKED, lockupUntil]);
    expect(await canTransfer(alice.address, bob.address, LOCKED, 1n)).toEqual([false, "LockedUp"]);
    expect(await balanceOf(alice.address, LOCKED)).toBe(10n);
    expect(await balanceOf(bob.address, LOCKED)).toBe(0n);
  });

  it("rejects a batch transfer that includes a locked offering", async () => {
    await expectRevert(
      walletFor(alice).writeContract({
        address: shares,
        abi: pvaSharesAbi,
        functionName: "safeBatchTransferFrom",
        args: [alice.address, bob.address, [FREE, LOCKED], [1n, 1n], "0x"],
      }),
      "SharesLockedUp",
      [LOCKED, lockupUntil],
    );
    expect(await balanceOf(bob.address, FREE)).toBe(0n);
  });

  it("still mints during the lock-up: buying is not transferring", async () => {
    await mined(mint(bob.address, LOCKED, 5n));
    expect(await balanceOf(bob.address, LOCKED)).toBe(5n);
  });

  it("allows the transfer once the lock-up date is reached", async () => {
    await travelTo(lockupUntil - 10n);
    await expectRevert(transfer(alice, bob.address, LOCKED, 1n), "SharesLockedUp", [LOCKED, lockupUntil]);
    await travelTo(lockupUntil);
    expect(await canTransfer(alice.address, bob.address, LOCKED, 3n)).toEqual([true, "None"]);
    await mined(transfer(alice, bob.address, LOCKED, 3n));
    expect(await balanceOf(alice.address, LOCKED)).toBe(7n);
    expect(await balanceOf(bob.address, LOCKED)).toBe(3n);
  });

  it("lets an offering without a lock-up transfer freely", async () => {
    await mined(transfer(alice, bob.address, FREE, 4n));
    expect(await balanceOf(bob.address, FREE)).toBe(4n);
  });
});
