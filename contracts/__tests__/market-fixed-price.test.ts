import { parseEther } from "viem";
import { accounts, expectRevert, mined, walletFor } from "./helpers/chain";
import { pvaTwinAbi } from "./helpers/contracts";
import {
  balanceOf,
  createdId,
  listingOf,
  marketCall,
  marketEvents,
  marketRead,
  marketSend,
  setEligible,
  sharesForSale,
  sharesOf,
  twinForSale,
  twinOwner,
  useMarket,
  withdrawable,
} from "./helpers/market";

const { alice, bob, carol, admin } = accounts;
const ONE = parseEther("1");
const MAX = 2n ** 256n - 1n;

describe("PVAMarket fixed-price listings: the seller lists, reprices, cancels; a buyer buys at most at the price they saw", () => {
  const setup = useMarket();
  const listTwin = async (tokenId: bigint, price: bigint) => {
    await twinForSale(setup, alice, tokenId);
    return createdId(await marketCall(setup, alice, "listFixedPrice", [setup.twin, tokenId, 1n, price]));
  };

  it("sells a twin: the token moves on purchase, royalty, fee and seller proceeds add up to the price", async () => {
    const id = await listTwin(1n, ONE);
    expect(await twinOwner(setup, 1n)).toBe(alice.address); // the market only holds an approval
    const sellerBefore = await balanceOf(alice.address);

    const receipt = await marketCall(setup, bob, "buy", [id, 1n, ONE], ONE);

    expect(await twinOwner(setup, 1n)).toBe(bob.address);
    const royalty = (ONE * 500n) / 10_000n;
    const fee = (ONE * 250n) / 10_000n;
    expect(await balanceOf(setup.royaltyReceiver)).toBe(royalty);
    expect(await balanceOf(setup.feeRecipient)).toBe(fee);
    expect((await balanceOf(alice.address)) - sellerBefore).toBe(ONE - royalty - fee);
    expect(await balanceOf(setup.market)).toBe(0n);
    expect((await listingOf(setup, id)).status).toBe("Sold");
    expect(marketEvents(receipt, "Sold")[0].args).toMatchObject({ listingId: id, buyer: bob.address, seller: alice.address, quantity: 1n, price: ONE });
    expect(marketEvents(receipt, "RoyaltyPaid")[0].args).toMatchObject({ receiver: setup.royaltyReceiver, amount: royalty });
    await expectRevert(marketSend(setup, carol, "buy", [id, 1n, ONE], ONE), "ListingNotActive", [id]);
  });

  it("refuses a purchase when the seller raised the price above the buyer's maximum (no front-running)", async () => {
    const id = await listTwin(1n, ONE);
    const receipt = await marketCall(setup, alice, "setPrice", [id, 2n * ONE]);
    expect(marketEvents(receipt, "PriceChanged")[0].args).toMatchObject({ listingId: id, oldPrice: ONE, newPrice: 2n * ONE });

    await expectRevert(marketSend(setup, bob, "buy", [id, 1n, ONE], 2n * ONE), "PriceAboveMax", [2n * ONE, ONE]);
    await expectRevert(marketSend(setup, bob, "buy", [id, 1n, 2n * ONE], ONE), "InsufficientPayment", [2n * ONE, ONE]);
    await marketCall(setup, bob, "buy", [id, 1n, 2n * ONE], 2n * ONE);
    expect(await twinOwner(setup, 1n)).toBe(bob.address);
  });

  it("lets only the seller reprice or cancel, and a cancelled listing cannot be bought", async () => {
    const id = await listTwin(1n, ONE);
    await expectRevert(marketSend(setup, bob, "setPrice", [id, 1n]), "NotSeller", [bob.address]);
    await expectRevert(marketSend(setup, bob, "cancelListing", [id]), "NotSeller", [bob.address]);
    await expectRevert(marketSend(setup, alice, "setPrice", [id, 0n]), "InvalidPrice");

    const receipt = await marketCall(setup, alice, "cancelListing", [id]);
    expect(marketEvents(receipt, "Cancelled")[0].args).toEqual({ listingId: id });
    await expectRevert(marketSend(setup, bob, "buy", [id, 1n, ONE], ONE), "ListingNotActive", [id]);
    expect(await twinOwner(setup, 1n)).toBe(alice.address);
  });

  it("refuses listings the seller cannot deliver, of other tokens, with a zero price, a twin quantity other than 1, or a second live listing", async () => {
    await mined(walletFor(accounts.minter).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "mintTo", args: [alice.address, 5n, `0x${"11".repeat(32)}`] }));
    await expectRevert(marketSend(setup, alice, "listFixedPrice", [setup.twin, 5n, 1n, ONE]), "SellerCannotDeliver", [alice.address]); // not approved
    await twinForSale(setup, alice, 1n);
    await expectRevert(marketSend(setup, bob, "listFixedPrice", [setup.twin, 1n, 1n, ONE]), "SellerCannotDeliver", [bob.address]); // not the owner
    await expectRevert(marketSend(setup, alice, "listFixedPrice", [setup.market, 1n, 1n, ONE]), "UnsupportedToken", [setup.market]);
    await expectRevert(marketSend(setup, alice, "listFixedPrice", [setup.twin, 1n, 2n, ONE]), "InvalidQuantity", [2n]);
    await expectRevert(marketSend(setup, alice, "listFixedPrice", [setup.twin, 1n, 1n, 0n]), "InvalidPrice");
    const first = createdId(await marketCall(setup, alice, "listFixedPrice", [setup.twin, 1n, 1n, ONE]));
    await expectRevert(marketSend(setup, alice, "listFixedPrice", [setup.twin, 1n, 1n, 2n * ONE]), "AlreadyListed", [first]);
    await expectRevert(marketSend(setup, alice, "buy", [first, 1n, ONE], ONE), "SellerIsBuyer");
  });

  it("sells part of a shares listing, then the rest; never more than listed", async () => {
    await sharesForSale(setup, alice, 1n, 100n);
    await setEligible(setup, bob.address);
    await setEligible(setup, carol.address);
    const unit = parseEther("0.01");
    const id = createdId(await marketCall(setup, alice, "listFixedPrice", [setup.shares, 1n, 60n, unit]));

    await marketCall(setup, bob, "buy", [id, 25n, unit], 25n * unit);
    expect(await sharesOf(setup, bob.address, 1n)).toBe(25n);
    expect((await listingOf(setup, id)).quantity).toBe(35n);
    await expectRevert(marketSend(setup, carol, "buy", [id, 36n, unit], 36n * unit), "QuantityUnavailable", [36n, 35n]);
    await expectRevert(marketSend(setup, carol, "buy", [id, 0n, unit], 0n), "QuantityUnavailable", [0n, 35n]);
    await marketCall(setup, carol, "buy", [id, 35n, unit], 35n * unit);
    expect(await sharesOf(setup, carol.address, 1n)).toBe(35n);
    expect(await sharesOf(setup, alice.address, 1n)).toBe(40n);
    expect((await listingOf(setup, id)).status).toBe("Sold");
  });

  it("credits an overpayment to the buyer, who withdraws it", async () => {
    const id = await listTwin(1n, ONE);
    await marketCall(setup, bob, "buy", [id, 1n, MAX], ONE + 7n);
    expect(await withdrawable(setup, bob.address)).toBe(7n);
    expect(await balanceOf(setup.market)).toBe(7n);
    const receipt = await marketCall(setup, bob, "withdraw", []);
    expect(marketEvents(receipt, "Withdrawn")[0].args).toEqual({ account: bob.address, amount: 7n });
    expect(await withdrawable(setup, bob.address)).toBe(0n);
    expect(await balanceOf(setup.market)).toBe(0n);
    await expectRevert(marketSend(setup, bob, "withdraw", []), "NothingToWithdraw");
  });

  describe("a listing whose token moved or whose approval was revoked", () => {
    it("is marked invalid by the next purchase, whose payment is credited back; no token moves", async () => {
      const id = await listTwin(1n, ONE);
      await mined(walletFor(alice).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "transferFrom", args: [alice.address, carol.address, 1n] }));

      const receipt = await marketCall(setup, bob, "buy", [id, 1n, ONE], ONE);

      expect(marketEvents(receipt, "ListingInvalidated")[0].args).toEqual({ listingId: id });
      expect(marketEvents(receipt, "Sold")).toHaveLength(0);
      expect((await listingOf(setup, id)).status).toBe("Invalid");
      expect(await twinOwner(setup, 1n)).toBe(carol.address);
      expect(await withdrawable(setup, bob.address)).toBe(ONE);
      await expectRevert(marketSend(setup, bob, "buy", [id, 1n, ONE], ONE), "ListingNotActive", [id]);
    });

    it("can be invalidated by anyone once the approval is revoked, but not while it is valid", async () => {
      const id = await listTwin(1n, ONE);
      await expectRevert(marketSend(setup, carol, "invalidate", [id]), "ListingStillValid", [id]);
      await mined(walletFor(alice).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setApprovalForAll", args: [setup.market, false] }));
      await marketCall(setup, carol, "invalidate", [id]);
      expect((await listingOf(setup, id)).status).toBe("Invalid");
    });

    it("lets the new owner list the twin again", async () => {
      const id = await listTwin(1n, ONE);
      await mined(walletFor(alice).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "transferFrom", args: [alice.address, carol.address, 1n] }));
      await mined(walletFor(carol).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setApprovalForAll", args: [setup.market, true] }));
      const second = createdId(await marketCall(setup, carol, "listFixedPrice", [setup.twin, 1n, 1n, ONE]));
      expect(second).toBe(id + 1n);
    });
  });

  describe("pause (admin only)", () => {
    it("stops listing and buying, while cancelling and withdrawing keep working", async () => {
      const id = await listTwin(1n, ONE);
      await twinForSale(setup, alice, 2n);
      await expectRevert(marketSend(setup, bob, "pause", []), "AccessControlUnauthorizedAccount");
      await marketCall(setup, admin, "pause", []);
      await expectRevert(marketSend(setup, bob, "buy", [id, 1n, ONE], ONE), "EnforcedPause");
      await expectRevert(marketSend(setup, alice, "listFixedPrice", [setup.twin, 2n, 1n, ONE]), "EnforcedPause");
      await marketCall(setup, alice, "cancelListing", [id]);
      await marketCall(setup, admin, "unpause", []);
      await marketCall(setup, alice, "listFixedPrice", [setup.twin, 2n, 1n, ONE]);
    });
  });

  describe("platform fee (admin only, hard maximum)", () => {
    it("caps the fee at MAX_FEE_BPS and lets only the admin change it", async () => {
      expect(await marketRead(setup, "MAX_FEE_BPS")).toBe(1_000n);
      await expectRevert(marketSend(setup, admin, "setFee", [carol.address, 1_001]), "InvalidFee", [1_001n]);
      await expectRevert(marketSend(setup, admin, "setFee", ["0x0000000000000000000000000000000000000000", 100]), "InvalidFee", [100n]);
      await expectRevert(marketSend(setup, bob, "setFee", [bob.address, 1_000]), "AccessControlUnauthorizedAccount");
      const receipt = await marketCall(setup, admin, "setFee", [carol.address, 1_000]);
      expect(marketEvents(receipt, "FeeSet")[0].args).toEqual({ recipient: carol.address, feeBps: 1_000n });
    });
  });
});
