import { parseEther } from "viem";
import { shareRestrictions } from "../lib/roles";
import { accounts, expectRevert, latestTimestamp, mined, travelTo, walletFor } from "./helpers/chain";
import { pvaSharesAbi } from "./helpers/contracts";
import { balanceOf, createdId, listingOf, marketCall, marketSend, setEligible, sharesForSale, sharesOf, useMarket, withdrawable } from "./helpers/market";

const { alice, bob, carol, admin } = accounts;
const UNIT = parseEther("0.01");
const OFFERING = 4n;
const restriction = (name: (typeof shareRestrictions)[number]) => shareRestrictions.indexOf(name);

describe("PVAMarket keeps PVAShares' rules: a buyer the shares refuse is turned away before any money moves", () => {
  const setup = useMarket();

  describe("without a lock-up", () => {
    let listing: bigint;
    beforeEach(async () => {
      await sharesForSale(setup, alice, OFFERING, 100n);
      listing = createdId(await marketCall(setup, alice, "listFixedPrice", [setup.shares, OFFERING, 50n, UNIT]));
    });

    it("refuses a buyer who is not eligible: nothing is sent, nothing is kept", async () => {
      const bobBefore = await balanceOf(bob.address);
      await expectRevert(marketSend(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT), "SharesRestricted", [bob.address, restriction("RecipientNotEligible")]);
      expect(await balanceOf(bob.address)).toBe(bobBefore);
      expect(await balanceOf(setup.market)).toBe(0n);
      expect((await listingOf(setup, listing)).status).toBe("Active");
    });

    it("refuses a bid from a bidder who is not eligible", async () => {
      const auction = createdId(await marketCall(setup, alice, "createAuction", [setup.shares, OFFERING, 50n, UNIT, 3_600, 500, 600]));
      await expectRevert(marketSend(setup, bob, "bid", [auction], UNIT), "SharesRestricted", [bob.address, restriction("RecipientNotEligible")]);
      expect(await balanceOf(setup.market)).toBe(0n);
    });

    it("refuses every buyer while PVAShares is paused, without invalidating the listing", async () => {
      await setEligible(setup, bob.address);
      await mined(walletFor(admin).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "pause" }));
      await expectRevert(marketSend(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT), "SharesRestricted", [bob.address, restriction("Paused")]);
      await mined(walletFor(admin).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "unpause" }));
      await marketCall(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT);
      expect(await sharesOf(setup, bob.address, OFFERING)).toBe(10n);
    });

    it("invalidates the listing of a seller who lost eligibility, crediting the buyer's payment", async () => {
      await setEligible(setup, bob.address);
      await setEligible(setup, alice.address, false);
      await marketCall(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT);
      expect((await listingOf(setup, listing)).status).toBe("Invalid");
      expect(await withdrawable(setup, bob.address)).toBe(10n * UNIT);
      expect(await sharesOf(setup, alice.address, OFFERING)).toBe(100n);
    });

    it("invalidates a listing when its seller no longer holds the quantity bought", async () => {
      await setEligible(setup, carol.address);
      await setEligible(setup, bob.address);
      await mined(
        walletFor(alice).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "safeTransferFrom", args: [alice.address, carol.address, OFFERING, 60n, "0x"] }),
      );
      // 40 left: a purchase the seller can still deliver goes through, a larger one cannot.
      await marketCall(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT);
      expect((await listingOf(setup, listing)).status).toBe("Active");
      await marketCall(setup, bob, "buy", [listing, 31n, UNIT], 31n * UNIT);
      expect((await listingOf(setup, listing)).status).toBe("Invalid");
      expect(await withdrawable(setup, bob.address)).toBe(31n * UNIT);
      expect(await sharesOf(setup, bob.address, OFFERING)).toBe(10n);
    });

    it("refunds the winner of an auction who lost eligibility before settlement", async () => {
      await setEligible(setup, bob.address);
      const auction = createdId(await marketCall(setup, alice, "createAuction", [setup.shares, OFFERING, 50n, UNIT, 3_600, 500, 600]));
      await marketCall(setup, bob, "bid", [auction], UNIT);
      await setEligible(setup, bob.address, false);
      await travelTo((await listingOf(setup, auction)).endTime);
      await marketCall(setup, carol, "settleAuction", [auction]);
      expect((await listingOf(setup, auction)).status).toBe("Invalid");
      expect(await withdrawable(setup, bob.address)).toBe(UNIT);
      expect(await sharesOf(setup, alice.address, OFFERING)).toBe(100n);
    });

    it("postpones an auction's settlement while PVAShares is paused, then settles it", async () => {
      await setEligible(setup, bob.address);
      const auction = createdId(await marketCall(setup, alice, "createAuction", [setup.shares, OFFERING, 50n, UNIT, 3_600, 500, 600]));
      await marketCall(setup, bob, "bid", [auction], UNIT);
      await travelTo((await listingOf(setup, auction)).endTime);
      await mined(walletFor(admin).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "pause" }));
      await expectRevert(marketSend(setup, carol, "settleAuction", [auction]), "SharesRestricted", [bob.address, restriction("Paused")]);
      await mined(walletFor(admin).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "unpause" }));
      await marketCall(setup, carol, "settleAuction", [auction]);
      expect(await sharesOf(setup, bob.address, OFFERING)).toBe(50n);
    });
  });

  describe("during a lock-up", () => {
    let lockupUntil: bigint;
    beforeEach(async () => {
      lockupUntil = (await latestTimestamp()) + 7n * 86_400n;
      await sharesForSale(setup, alice, OFFERING, 100n, lockupUntil);
      await setEligible(setup, bob.address);
    });

    it("refuses purchases, bids and offers until the lock-up ends, then sells", async () => {
      const listing = createdId(await marketCall(setup, alice, "listFixedPrice", [setup.shares, OFFERING, 50n, UNIT]));
      const auction = createdId(await marketCall(setup, alice, "createAuction", [setup.shares, OFFERING, 50n, UNIT, 3_600, 500, 600]));
      const bobBefore = await balanceOf(bob.address);

      await expectRevert(marketSend(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT), "SharesRestricted", [bob.address, restriction("LockedUp")]);
      await expectRevert(marketSend(setup, bob, "bid", [auction], UNIT), "SharesRestricted", [bob.address, restriction("LockedUp")]);
      await expectRevert(marketSend(setup, bob, "makeOffer", [setup.shares, OFFERING, 10n, lockupUntil + 86_400n], UNIT), "SharesRestricted", [
        bob.address,
        restriction("LockedUp"),
      ]);
      expect(await balanceOf(bob.address)).toBe(bobBefore);
      expect(await balanceOf(setup.market)).toBe(0n);

      await travelTo(lockupUntil);
      await marketCall(setup, bob, "buy", [listing, 10n, UNIT], 10n * UNIT);
      expect(await sharesOf(setup, bob.address, OFFERING)).toBe(10n);
    });
  });
});
