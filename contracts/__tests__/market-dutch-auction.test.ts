import { parseEther } from "viem";
import { accounts, expectRevert, nextBlockAt, travelTo } from "./helpers/chain";
import { balanceOf, createdId, listingOf, marketCall, marketEvents, marketRead, marketSend, setEligible, sharesForSale, sharesOf, twinForSale, twinOwner, useMarket, withdrawable } from "./helpers/market";

const { alice, bob, carol } = accounts;
const START = parseEther("2");
const FLOOR = parseEther("0.5");
const DURATION = 3_000n;

describe("PVAMarket Dutch auctions: the price falls linearly from start to floor; a buyer pays the current price", () => {
  const setup = useMarket();
  let listing: bigint;
  let startedAt: bigint;

  beforeEach(async () => {
    await twinForSale(setup, alice, 1n);
    const receipt = await marketCall(setup, alice, "listDutch", [setup.twin, 1n, 1n, START, FLOOR, Number(DURATION)]);
    listing = createdId(receipt);
    startedAt = (await listingOf(setup, listing)).endTime - DURATION;
    expect(marketEvents(receipt, "DutchTerms")[0].args).toEqual({ listingId: listing, floorPrice: FLOOR, endTime: startedAt + DURATION });
  });
  /** Start − (start − floor) × elapsed / duration. */
  const priceAt = (elapsed: bigint) => START - ((START - FLOOR) * elapsed) / DURATION;

  it("quotes the start price, then a linear decay, then the floor for good", async () => {
    expect(await marketRead(setup, "currentPrice", [listing])).toBe(START);
    await travelTo(startedAt + 1_000n);
    expect(await marketRead(setup, "currentPrice", [listing])).toBe(priceAt(1_000n));
    await travelTo(startedAt + DURATION);
    expect(await marketRead(setup, "currentPrice", [listing])).toBe(FLOOR);
    await travelTo(startedAt + 10n * DURATION);
    expect(await marketRead(setup, "currentPrice", [listing])).toBe(FLOOR);
  });

  it("charges the price of the buyer's block and credits the excess back", async () => {
    const price = priceAt(1_500n);
    await nextBlockAt(startedAt + 1_500n);
    const sellerBefore = await balanceOf(alice.address);
    const receipt = await marketCall(setup, bob, "buy", [listing, 1n, START], START);

    expect(await twinOwner(setup, 1n)).toBe(bob.address);
    expect(marketEvents(receipt, "Sold")[0].args).toMatchObject({ buyer: bob.address, price });
    expect(await withdrawable(setup, bob.address)).toBe(START - price);
    expect((await balanceOf(alice.address)) - sellerBefore).toBe(price - (price * 750n) / 10_000n);
  });

  it("refuses a buyer whose maximum is below the current price, and an underpayment", async () => {
    await nextBlockAt(startedAt + 300n);
    await expectRevert(marketSend(setup, bob, "buy", [listing, 1n, FLOOR], START), "PriceAboveMax", [priceAt(300n), FLOOR]);
    await nextBlockAt(startedAt + 301n);
    await expectRevert(marketSend(setup, bob, "buy", [listing, 1n, START], FLOOR), "InsufficientPayment", [priceAt(301n), FLOOR]);
  });

  it("has no fixed price to change; the seller can cancel it", async () => {
    await expectRevert(marketSend(setup, alice, "setPrice", [listing, 1n]), "ListingUnknown", [listing]);
    await marketCall(setup, alice, "cancelListing", [listing]);
    await expectRevert(marketSend(setup, bob, "buy", [listing, 1n, START], START), "ListingNotActive", [listing]);
  });

  it("refuses a floor of zero or not below the start, and a duration out of bounds", async () => {
    await twinForSale(setup, alice, 2n);
    const list = (start: bigint, floor: bigint, duration: bigint) => marketSend(setup, alice, "listDutch", [setup.twin, 2n, 1n, start, floor, Number(duration)]);
    await expectRevert(list(START, 0n, DURATION), "InvalidPrice");
    await expectRevert(list(START, START, DURATION), "InvalidPrice");
    await expectRevert(list(START, FLOOR, 899n), "InvalidDuration", [899n]);
    await expectRevert(list(START, FLOOR, 90n * 86_400n + 1n), "InvalidDuration", [90n * 86_400n + 1n]);
  });

  it("sells shares per unit at the decayed unit price, in parts", async () => {
    await sharesForSale(setup, alice, 9n, 50n);
    await setEligible(setup, bob.address);
    await setEligible(setup, carol.address);
    const unitStart = parseEther("0.1");
    const unitFloor = parseEther("0.01");
    const id = createdId(await marketCall(setup, alice, "listDutch", [setup.shares, 9n, 50n, unitStart, unitFloor, Number(DURATION)]));
    const begin = (await listingOf(setup, id)).endTime - DURATION;
    await nextBlockAt(begin + DURATION / 2n);
    const unit = unitStart - ((unitStart - unitFloor) * (DURATION / 2n)) / DURATION;
    await marketCall(setup, bob, "buy", [id, 20n, unit], 20n * unit);
    expect(await sharesOf(setup, bob.address, 9n)).toBe(20n);
    await nextBlockAt(begin + DURATION);
    await marketCall(setup, carol, "buy", [id, 30n, unitFloor], 30n * unitFloor);
    expect(await sharesOf(setup, carol.address, 9n)).toBe(30n);
    expect((await listingOf(setup, id)).status).toBe("Sold");
  });
});
