import { encodeFunctionData, parseEther, type Address } from "viem";
import { accounts, expectRevert, latestTimestamp, mined, nextBlockAt, travelTo, walletFor } from "./helpers/chain";
import { pvaTwinAbi } from "./helpers/contracts";
import {
  Mode,
  actorExecute,
  balanceOf,
  configureActor,
  createdId,
  deployMarketActor,
  expectMarketRevertViaActor,
  listingOf,
  marketCall,
  marketEvents,
  marketRead,
  marketSend,
  pvaMarketAbi,
  twinForSale,
  twinOwner,
  useMarket,
  withdrawable,
} from "./helpers/market";

const { alice, bob, carol, mallory } = accounts;
const RESERVE = parseEther("1");
const HOUR = 3600n;
const WINDOW = 600n; // anti-sniping: 10 minutes
const INCREMENT_BPS = 500; // 5%

describe("PVAMarket English auctions: reserve, clock from the first bid, minimum increment, anti-sniping, pull refunds", () => {
  const setup = useMarket();
  let auction: bigint;

  beforeEach(async () => {
    await twinForSale(setup, alice, 1n);
    auction = createdId(await marketCall(setup, alice, "createAuction", [setup.twin, 1n, 1n, RESERVE, Number(HOUR), INCREMENT_BPS, Number(WINDOW)]));
  });
  const bid = (from = bob, amount = RESERVE) => marketCall(setup, from, "bid", [auction], amount);

  it("does not start the clock until a bid meets the reserve; then ends one duration after that bid", async () => {
    expect((await listingOf(setup, auction)).endTime).toBe(0n);
    await expectRevert(marketSend(setup, bob, "bid", [auction], RESERVE - 1n), "BidTooLow", [RESERVE, RESERVE - 1n]);
    await expectRevert(marketSend(setup, carol, "settleAuction", [auction]), "AuctionNotEnded", [auction, 0n]);

    const receipt = await bid();
    const startedAt = await latestTimestamp();
    expect((await listingOf(setup, auction)).endTime).toBe(startedAt + HOUR);
    expect(marketEvents(receipt, "BidPlaced")[0].args).toEqual({ listingId: auction, bidder: bob.address, amount: RESERVE, endTime: startedAt + HOUR });
    expect(await balanceOf(setup.market)).toBe(RESERVE);
  });

  it("requires each later bid to beat the standing one by the minimum increment (rounded up)", async () => {
    await bid();
    const minimum = RESERVE + (RESERVE * 500n) / 10_000n;
    expect(await marketRead(setup, "minimumBid", [auction])).toBe(minimum);
    await expectRevert(marketSend(setup, carol, "bid", [auction], minimum - 1n), "BidTooLow", [minimum, minimum - 1n]);
    await bid(carol, minimum);
    expect(await marketRead(setup, "minimumBid", [auction])).toBe(minimum + (minimum * 500n) / 10_000n);
  });

  it("rounds the increment up: 5% of a standing bid of 1 ether + 1 wei asks for 0.05 ether + 1 wei more", async () => {
    await bid(bob, RESERVE + 1n);
    const minimum = RESERVE + 1n + RESERVE / 20n + 1n;
    expect(await marketRead(setup, "minimumBid", [auction])).toBe(minimum);
    await expectRevert(marketSend(setup, carol, "bid", [auction], minimum - 1n), "BidTooLow", [minimum, minimum - 1n]);
  });

  it("credits the outbid bidder (pull) instead of sending them anything in the new bid's transaction", async () => {
    await bid();
    const bobBefore = await balanceOf(bob.address);
    const receipt = await bid(carol, 2n * RESERVE);
    expect(await balanceOf(bob.address)).toBe(bobBefore);
    expect(marketEvents(receipt, "Credited")[0].args).toEqual({ account: bob.address, amount: RESERVE });
    expect(await withdrawable(setup, bob.address)).toBe(RESERVE);
    expect(await balanceOf(setup.market)).toBe(3n * RESERVE);
    await marketCall(setup, bob, "withdraw", []);
    expect(await balanceOf(setup.market)).toBe(2n * RESERVE);
  });

  it("extends the end to now + window for a bid in the last window, and not for an earlier bid", async () => {
    await bid();
    const end = (await listingOf(setup, auction)).endTime;
    await nextBlockAt(end - WINDOW - 1n);
    let receipt = await bid(carol, 2n * RESERVE);
    expect(marketEvents(receipt, "AuctionExtended")).toHaveLength(0);
    expect((await listingOf(setup, auction)).endTime).toBe(end);

    await nextBlockAt(end - 60n);
    receipt = await bid(bob, 3n * RESERVE);
    expect(marketEvents(receipt, "AuctionExtended")[0].args).toEqual({ listingId: auction, endTime: end - 60n + WINDOW });
    expect((await listingOf(setup, auction)).endTime).toBe(end - 60n + WINDOW);

    await travelTo(end - 60n + WINDOW);
    await expectRevert(marketSend(setup, carol, "bid", [auction], 4n * RESERVE), "AuctionEnded", [auction, end - 60n + WINDOW]);
  });

  it("is settled by anyone after the end: twin to the winner, royalty, fee and seller paid", async () => {
    await bid();
    await bid(carol, 2n * RESERVE);
    const end = (await listingOf(setup, auction)).endTime;
    await nextBlockAt(end - 1n);
    await expectRevert(marketSend(setup, mallory, "settleAuction", [auction]), "AuctionNotEnded", [auction, end]);
    await travelTo(end);
    const sellerBefore = await balanceOf(alice.address);

    const receipt = await marketCall(setup, mallory, "settleAuction", [auction]);

    const price = 2n * RESERVE;
    expect(await twinOwner(setup, 1n)).toBe(carol.address);
    expect(marketEvents(receipt, "AuctionSettled")[0].args).toEqual({ listingId: auction, winner: carol.address, amount: price });
    expect((await balanceOf(alice.address)) - sellerBefore).toBe(price - (price * 750n) / 10_000n);
    expect(await balanceOf(setup.feeRecipient)).toBe((price * 250n) / 10_000n);
    expect(await balanceOf(setup.royaltyReceiver)).toBe((price * 500n) / 10_000n);
    expect(await balanceOf(setup.market)).toBe(RESERVE); // only bob's refund, waiting to be withdrawn
    expect((await listingOf(setup, auction)).status).toBe("Sold");
    await expectRevert(marketSend(setup, mallory, "settleAuction", [auction]), "ListingNotActive", [auction]);
  });

  it("can be cancelled by the seller until a bid stands, never after", async () => {
    await expectRevert(marketSend(setup, bob, "cancelAuction", [auction]), "NotSeller", [bob.address]);
    await bid();
    await expectRevert(marketSend(setup, alice, "cancelAuction", [auction]), "BidStands", [auction]);

    await twinForSale(setup, alice, 2n);
    const other = createdId(await marketCall(setup, alice, "createAuction", [setup.twin, 2n, 1n, RESERVE, Number(HOUR), INCREMENT_BPS, Number(WINDOW)]));
    await marketCall(setup, alice, "cancelAuction", [other]);
    await expectRevert(marketSend(setup, bob, "bid", [other], RESERVE), "ListingNotActive", [other]);
  });

  it("refuses bad terms and a bid by the seller", async () => {
    await twinForSale(setup, alice, 2n);
    const create = (reserve: bigint, duration: bigint, increment: number, window: bigint) =>
      marketSend(setup, alice, "createAuction", [setup.twin, 2n, 1n, reserve, Number(duration), increment, Number(window)]);
    await expectRevert(create(0n, HOUR, 500, WINDOW), "InvalidPrice");
    await expectRevert(create(RESERVE, 60n, 500, WINDOW), "InvalidDuration", [60n]);
    await expectRevert(create(RESERVE, HOUR, 0, WINDOW), "InvalidIncrement", [0n]);
    await expectRevert(create(RESERVE, HOUR, 500, 0n), "InvalidExtensionWindow", [0n]);
    await expectRevert(create(RESERVE, HOUR, 500, 86_401n), "InvalidExtensionWindow", [86_401n]);
    await expectRevert(marketSend(setup, alice, "bid", [auction], RESERVE), "SellerIsBuyer");
  });

  describe("when the sale cannot happen at settlement", () => {
    it("a seller who moved the twin away only invalidates the auction; the winner's bid is credited back", async () => {
      await bid();
      await mined(walletFor(alice).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "transferFrom", args: [alice.address, carol.address, 1n] }));
      await travelTo((await listingOf(setup, auction)).endTime);

      const receipt = await marketCall(setup, mallory, "settleAuction", [auction]);

      expect(marketEvents(receipt, "ListingInvalidated")[0].args).toEqual({ listingId: auction });
      expect(marketEvents(receipt, "AuctionSettled")).toHaveLength(0);
      expect((await listingOf(setup, auction)).status).toBe("Invalid");
      expect(await withdrawable(setup, bob.address)).toBe(RESERVE);
      expect(await balanceOf(setup.market)).toBe(RESERVE);
    });

    it("a winning contract that rejects the twin gets its bid credited; the seller keeps the twin", async () => {
      const actor = await deployMarketActor();
      await configureActor(actor, Mode.Accept, Mode.Reject);
      await mined(actorExecute(actor, setup.market, encodeFunctionData({ abi: pvaMarketAbi, functionName: "bid", args: [auction] }), RESERVE));
      await travelTo((await listingOf(setup, auction)).endTime);

      await marketCall(setup, mallory, "settleAuction", [auction]);

      expect(await twinOwner(setup, 1n)).toBe(alice.address);
      expect((await listingOf(setup, auction)).status).toBe("Invalid");
      expect(await withdrawable(setup, actor)).toBe(RESERVE);
    });
  });

  describe("a bidder contract that rejects ether", () => {
    let actor: Address;
    beforeEach(async () => {
      actor = await deployMarketActor();
      await configureActor(actor, Mode.Reject, Mode.Accept);
    });

    it("cannot block being outbid, nor the settlement; its refund waits in its balance", async () => {
      await mined(actorExecute(actor, setup.market, encodeFunctionData({ abi: pvaMarketAbi, functionName: "bid", args: [auction] }), RESERVE));
      await bid(carol, 2n * RESERVE);
      expect(await withdrawable(setup, actor)).toBe(RESERVE);
      await travelTo((await listingOf(setup, auction)).endTime);
      await marketCall(setup, mallory, "settleAuction", [auction]);
      expect(await twinOwner(setup, 1n)).toBe(carol.address);

      // Its own withdrawal fails (it rejects ether) and leaves the balance intact for later.
      await expectMarketRevertViaActor(actorExecute(actor, setup.market, encodeFunctionData({ abi: pvaMarketAbi, functionName: "withdraw" })), "TransferFailed", [actor, RESERVE]);
      expect(await withdrawable(setup, actor)).toBe(RESERVE);
      await configureActor(actor, Mode.Accept, Mode.Accept);
      await mined(actorExecute(actor, setup.market, encodeFunctionData({ abi: pvaMarketAbi, functionName: "withdraw" })));
      expect(await balanceOf(actor)).toBe(RESERVE);
    });
  });
});
