import { parseEther } from "viem";
import { shareRestrictions } from "../lib/roles";
import { accounts, expectRevert, latestTimestamp, mined, nextBlockAt, walletFor } from "./helpers/chain";
import { pvaTwinAbi } from "./helpers/contracts";
import {
  balanceOf,
  createdId,
  gasCost,
  marketCall,
  marketEvents,
  marketSend,
  offerOf,
  setEligible,
  sharesForSale,
  sharesOf,
  twinForSale,
  twinOwner,
  useMarket,
} from "./helpers/market";

const { alice, bob, carol, admin } = accounts;
const AMOUNT = parseEther("0.8");
const DAY = 86_400n;

describe("PVAMarket offers: escrowed and expiring; the holder accepts one; the bidder takes back an unaccepted one", () => {
  const setup = useMarket();
  let expiresAt: bigint;

  beforeEach(async () => {
    await twinForSale(setup, alice, 1n);
    expiresAt = (await latestTimestamp()) + DAY;
  });
  const offerOnTwin = async (from = bob, amount = AMOUNT) => createdId(await marketCall(setup, from, "makeOffer", [setup.twin, 1n, 1n, expiresAt], amount));

  it("escrows the offer; the owner accepts it: twin to the bidder, amount split between royalty, fee and owner", async () => {
    const bobBefore = await balanceOf(bob.address);
    const id = await offerOnTwin();
    expect(await balanceOf(setup.market)).toBe(AMOUNT);
    expect(bobBefore - (await balanceOf(bob.address))).toBeGreaterThanOrEqual(AMOUNT);

    const aliceBefore = await balanceOf(alice.address);
    const receipt = await marketCall(setup, alice, "acceptOffer", [id]);

    expect(await twinOwner(setup, 1n)).toBe(bob.address);
    expect(marketEvents(receipt, "OfferAccepted")[0].args).toEqual({ offerId: id, seller: alice.address, bidder: bob.address, amount: AMOUNT });
    expect((await balanceOf(alice.address)) - aliceBefore + gasCost(receipt)).toBe(AMOUNT - (AMOUNT * 750n) / 10_000n);
    expect(await balanceOf(setup.royaltyReceiver)).toBe((AMOUNT * 500n) / 10_000n);
    expect(await balanceOf(setup.market)).toBe(0n);
    expect((await offerOf(setup, id)).status).toBe("Accepted");
    await expectRevert(marketSend(setup, bob, "withdrawOffer", [id]), "OfferNotOpen", [id]);
  });

  it("cannot be accepted after it expires; the bidder withdraws it (even while the market is paused)", async () => {
    const id = await offerOnTwin();
    await nextBlockAt(expiresAt + 1n);
    await expectRevert(marketSend(setup, alice, "acceptOffer", [id]), "OfferExpired", [id, expiresAt]);
    await marketCall(setup, admin, "pause", []);
    await expectRevert(marketSend(setup, carol, "withdrawOffer", [id]), "NotBidder", [carol.address]);

    const bobBefore = await balanceOf(bob.address);
    const receipt = await marketCall(setup, bob, "withdrawOffer", [id]);

    expect(marketEvents(receipt, "OfferWithdrawn")[0].args).toEqual({ offerId: id, bidder: bob.address, amount: AMOUNT });
    expect((await balanceOf(bob.address)) - bobBefore + gasCost(receipt)).toBe(AMOUNT);
    expect(await balanceOf(setup.market)).toBe(0n);
    expect((await offerOf(setup, id)).status).toBe("Withdrawn");
  });

  it("can be withdrawn before expiry, after which the owner cannot accept it", async () => {
    const id = await offerOnTwin();
    await marketCall(setup, bob, "withdrawOffer", [id]);
    await expectRevert(marketSend(setup, alice, "acceptOffer", [id]), "OfferNotOpen", [id]);
    expect(await twinOwner(setup, 1n)).toBe(alice.address);
  });

  it("can only be accepted by the holder, who approved the market", async () => {
    const id = await offerOnTwin();
    await expectRevert(marketSend(setup, carol, "acceptOffer", [id]), "SellerCannotDeliver", [carol.address]);
    await mined(walletFor(alice).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setApprovalForAll", args: [setup.market, false] }));
    await expectRevert(marketSend(setup, alice, "acceptOffer", [id]), "SellerCannotDeliver", [alice.address]);
  });

  it("refuses an empty offer, a past or too distant expiry, and a twin that does not exist", async () => {
    await expectRevert(marketSend(setup, bob, "makeOffer", [setup.twin, 1n, 1n, expiresAt], 0n), "InvalidPrice");
    const now = await latestTimestamp();
    await expectRevert(marketSend(setup, bob, "makeOffer", [setup.twin, 1n, 1n, now], AMOUNT), "InvalidExpiry", [now]);
    await expectRevert(marketSend(setup, bob, "makeOffer", [setup.twin, 1n, 1n, now + 181n * DAY], AMOUNT), "InvalidExpiry", [now + 181n * DAY]);
    await expectRevert(marketSend(setup, bob, "makeOffer", [setup.twin, 99n, 1n, expiresAt], AMOUNT), "TwinUnknown", [99n]);
  });

  it("cannot be accepted on a twin whose auction has a bid standing", async () => {
    const id = await offerOnTwin();
    const auction = createdId(await marketCall(setup, alice, "createAuction", [setup.twin, 1n, 1n, AMOUNT, 3_600, 500, 600]));
    await marketCall(setup, carol, "bid", [auction], AMOUNT);
    await expectRevert(marketSend(setup, alice, "acceptOffer", [id]), "TwinInAuction", [auction]);
  });

  describe("on shares", () => {
    beforeEach(async () => {
      await sharesForSale(setup, alice, 3n, 100n);
    });

    it("needs a bidder PVAShares lets hold them, before any money moves", async () => {
      const bobBefore = await balanceOf(bob.address);
      await expectRevert(marketSend(setup, bob, "makeOffer", [setup.shares, 3n, 10n, expiresAt], AMOUNT), "SharesRestricted", [
        bob.address,
        shareRestrictions.indexOf("RecipientNotEligible"),
      ]);
      await expectRevert(marketSend(setup, bob, "makeOffer", [setup.shares, 77n, 10n, expiresAt], AMOUNT), "SharesRestricted", [
        bob.address,
        shareRestrictions.indexOf("UnknownOffering"),
      ]);
      expect(await balanceOf(bob.address)).toBe(bobBefore);
    });

    it("is accepted by a holder for the offered quantity", async () => {
      await setEligible(setup, bob.address);
      const id = createdId(await marketCall(setup, bob, "makeOffer", [setup.shares, 3n, 10n, expiresAt], AMOUNT));
      await marketCall(setup, alice, "acceptOffer", [id]);
      expect(await sharesOf(setup, bob.address, 3n)).toBe(10n);
      expect(await sharesOf(setup, alice.address, 3n)).toBe(90n);
    });

    it("cannot be accepted once the bidder lost eligibility; the bidder still withdraws it", async () => {
      await setEligible(setup, bob.address);
      const id = createdId(await marketCall(setup, bob, "makeOffer", [setup.shares, 3n, 10n, expiresAt], AMOUNT));
      await setEligible(setup, bob.address, false);
      await expectRevert(marketSend(setup, alice, "acceptOffer", [id]), "SharesRestricted", [bob.address, shareRestrictions.indexOf("RecipientNotEligible")]);
      await marketCall(setup, bob, "withdrawOffer", [id]);
      expect(await balanceOf(setup.market)).toBe(0n);
    });
  });
});
