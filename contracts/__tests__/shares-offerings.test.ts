import { parseEventLogs, type Address } from "viem";
import { accounts, expectRevert, isolateChainState, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaSharesAbi, sharesFixture } from "./helpers/contracts";

const { issuer, minter, compliance, alice } = accounts;

describe("PVAShares offerings: one ERC-1155 id per offering, capped at maxShares", () => {
  let shares: Address;

  beforeAll(async () => {
    shares = await sharesFixture();
    await mined(walletFor(compliance).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setEligible", args: [alice.address, true] }));
  });
  isolateChainState();

  const createOffering = (offeringId: bigint, twinTokenId: bigint, maxShares: bigint) =>
    walletFor(issuer).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "createOffering", args: [offeringId, twinTokenId, maxShares, 0n] });
  const mintShares = (to: Address, offeringId: bigint, amount: bigint) =>
    walletFor(minter).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [to, offeringId, amount] });
  const read = <T>(functionName: "maxShares" | "totalSupply" | "twinOf", id: bigint) =>
    publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName, args: [id] } as never) as Promise<T>;

  describe("createOffering", () => {
    it("records the twin and cap and emits OfferingCreated", async () => {
      const receipt = await mined(createOffering(1n, 77n, 1_000n));
      const [event] = parseEventLogs({ abi: pvaSharesAbi, logs: receipt.logs, eventName: "OfferingCreated" });
      expect(event.args).toEqual({ offeringId: 1n, twinTokenId: 77n, maxShares: 1_000n });
      expect(await read("maxShares", 1n)).toBe(1_000n);
      expect(await read("twinOf", 1n)).toBe(77n);
      expect(await read("totalSupply", 1n)).toBe(0n);
    });

    it.each([10n, 10_000n])("accepts the boundary cap %d", async (cap) => {
      await mined(createOffering(2n, 1n, cap));
      expect(await read("maxShares", 2n)).toBe(cap);
    });

    it.each([0n, 9n, 10_001n, 2n ** 255n])("rejects cap %d with MaxSharesOutOfRange", async (cap) => {
      await expectRevert(createOffering(3n, 1n, cap), "MaxSharesOutOfRange", [cap, 10n, 10_000n]);
    });

    it("rejects an offering id that already exists with OfferingExists", async () => {
      await mined(createOffering(4n, 1n, 100n));
      await expectRevert(createOffering(4n, 2n, 200n), "OfferingExists", [4n]);
      expect(await read("twinOf", 4n)).toBe(1n);
      expect(await read("maxShares", 4n)).toBe(100n);
    });

    it("reports unknown offerings: maxShares 0, twinOf reverts with OfferingUnknown", async () => {
      expect(await read("maxShares", 404n)).toBe(0n);
      await expectRevert(read("twinOf", 404n), "OfferingUnknown", [404n]);
    });
  });

  describe("mintShares", () => {
    beforeEach(async () => {
      await mined(createOffering(1n, 77n, 100n));
    });

    it("mints up to the cap exactly", async () => {
      await mined(mintShares(alice.address, 1n, 60n));
      await mined(mintShares(alice.address, 1n, 40n));
      expect(await read("totalSupply", 1n)).toBe(100n);
      expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "balanceOf", args: [alice.address, 1n] })).toBe(100n);
    });

    it("rejects a mint past maxShares with MaxSharesExceeded(id, requested, available)", async () => {
      await mined(mintShares(alice.address, 1n, 95n));
      await expectRevert(mintShares(alice.address, 1n, 6n), "MaxSharesExceeded", [1n, 6n, 5n]);
      await expectRevert(mintShares(alice.address, 1n, 2n ** 255n), "MaxSharesExceeded", [1n, 2n ** 255n, 5n]);
      expect(await read("totalSupply", 1n)).toBe(95n);
    });

    it("rejects a mint for an unknown offering with OfferingUnknown", async () => {
      await expectRevert(mintShares(alice.address, 2n, 1n), "OfferingUnknown", [2n]);
      expect(await read("totalSupply", 2n)).toBe(0n);
    });
  });
});
