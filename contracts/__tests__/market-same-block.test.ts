import { parseEther, type Hash, type TransactionReceipt } from "viem";
import { accounts, publicClient, testClient } from "./helpers/chain";
import { balanceOf, createdId, gasCost, listingOf, marketCall, marketSend, setEligible, sharesForSale, sharesOf, twinForSale, twinOwner, useMarket, withdrawable } from "./helpers/market";

const { alice, bob, carol, mallory } = accounts;
const ONE = parseEther("1");
// Sent without an estimate: the node would estimate against the pending block and refuse the losers.
const GAS = 500_000n;

/**
 * Sends the transactions with automine off (each signed and estimated against the same
 * pending state), mines them into one block, and returns their receipts in sending order.
 */
async function inOneBlock(sends: (() => Promise<Hash>)[]): Promise<TransactionReceipt[]> {
  await testClient.setAutomine(false);
  try {
    const hashes: Hash[] = [];
    for (const send of sends) hashes.push(await send());
    await testClient.mine({ blocks: 1 });
    return await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
  } finally {
    await testClient.setAutomine(true);
  }
}

describe("PVAMarket with competing buyers in one block: the first wins, the others lose nothing but gas", () => {
  const setup = useMarket();

  it("sells a twin once: the second buyer's transaction reverts and keeps their payment", async () => {
    await twinForSale(setup, alice, 1n);
    const id = createdId(await marketCall(setup, alice, "listFixedPrice", [setup.twin, 1n, 1n, ONE]));
    const carolBefore = await balanceOf(carol.address);

    const [first, second] = await inOneBlock([() => marketSend(setup, bob, "buy", [id, 1n, ONE], ONE, GAS), () => marketSend(setup, carol, "buy", [id, 1n, ONE], ONE, GAS)]);

    expect(first.blockNumber).toBe(second.blockNumber);
    expect([first.status, second.status]).toEqual(["success", "reverted"]);
    expect(await twinOwner(setup, 1n)).toBe(bob.address);
    expect(carolBefore - (await balanceOf(carol.address))).toBe(gasCost(second));
    expect(await withdrawable(setup, carol.address)).toBe(0n);
    expect(await balanceOf(setup.market)).toBe(0n);
  });

  it("never sells more shares than listed: of three buyers of 40 out of 100, the third is refused", async () => {
    await sharesForSale(setup, alice, 1n, 100n);
    for (const buyer of [bob, carol, mallory]) await setEligible(setup, buyer.address);
    const unit = parseEther("0.01");
    const id = createdId(await marketCall(setup, alice, "listFixedPrice", [setup.shares, 1n, 100n, unit]));

    const receipts = await inOneBlock([bob, carol, mallory].map((buyer) => () => marketSend(setup, buyer, "buy", [id, 40n, unit], 40n * unit, GAS)));

    expect(receipts.map((r) => r.status)).toEqual(["success", "success", "reverted"]);
    expect(await sharesOf(setup, bob.address, 1n)).toBe(40n);
    expect(await sharesOf(setup, carol.address, 1n)).toBe(40n);
    expect(await sharesOf(setup, mallory.address, 1n)).toBe(0n);
    expect((await listingOf(setup, id)).quantity).toBe(20n);
    expect(await balanceOf(setup.market)).toBe(0n);
  });

  it("takes one of two equal first bids; the other bidder keeps their money", async () => {
    await twinForSale(setup, alice, 1n);
    const auction = createdId(await marketCall(setup, alice, "createAuction", [setup.twin, 1n, 1n, ONE, 3_600, 500, 600]));

    const [first, second] = await inOneBlock([() => marketSend(setup, bob, "bid", [auction], ONE, GAS), () => marketSend(setup, carol, "bid", [auction], ONE, GAS)]);

    expect([first.status, second.status]).toEqual(["success", "reverted"]);
    const listing = await listingOf(setup, auction);
    expect([listing.highBidder, listing.highBid]).toEqual([bob.address, ONE]);
    expect(await balanceOf(setup.market)).toBe(ONE);
    expect(await withdrawable(setup, carol.address)).toBe(0n);
  });
});
