// PVAMarket rows of the gas report (scripts/gas.js): each operation on a market with the
// realistic settings of a sale (2.5% fee to an EOA, 5% ERC-2981 royalty on PVATwin), the
// setup of every sample unmeasured. Listing and offer ids are sequential from 1 in a fresh market.
const { keccak256, toHex } = require("viem");
const { rpc } = require("./hardhat-node");

const ETH = 10n ** 18n;

/** Printed under the table: what the PVAMarket rows include. */
const MARKET_NOTE = [
  "PVAMarket rows: every sale pays a 5% ERC-2981 royalty and the 2.5% platform fee to two",
  "accounts and the rest to the seller (three value transfers, each 9,000 + a cold account",
  "access). Listing a twin writes three fresh listing slots and the twin's listing index (4 ×",
  "22,100), an English auction one slot more for its terms; the first bid writes the bidder",
  "slot and starts the clock, a later bid overwrites it and credits the outbid bidder's",
  "withdrawable balance instead of sending ether. `buy` and `settleAuction` ask PVATwin for",
  "the owner, the approval and `royaltyInfo` before the transfer.",
  "",
];
const HOUR = 3_600;

/**
 * @param {object} ctx
 * @param {(who, request) => Promise<{gasUsed: number, calldata: number}>} ctx.send
 * @param {(name: string, args: unknown[]) => Promise<{address: string, abi: unknown[], deployGas: number}>} ctx.deploy
 * @param {(fn: (i: number) => Promise<{gasUsed: number, calldata: number}>) => Promise<{gasUsed: number, calldata: number}>} ctx.sample
 * @param {{twin: object, shares: object}} ctx.contracts PVATwin (minter holds MINTER_ROLE) and PVAShares (minter holds ISSUER/MINTER/COMPLIANCE)
 * @param {{admin, minter, seller, buyer, bidder, feeRecipient: string}} ctx.who
 * @param {string} ctx.url the node's JSON-RPC URL (for time travel)
 * @returns {Promise<{rows: [string, {gasUsed: number, calldata: number}][], deployGas: number}>}
 */
async function measureMarket({ send, deploy, sample, contracts, who, url }) {
  const { twin, shares } = contracts;
  const { admin, minter, seller, buyer, bidder } = who;
  const market = await deploy("PVAMarket", [admin.address, twin.address, shares.address, who.feeRecipient, 250]);
  const call = (from, functionName, args, value) => send(from, { address: market.address, abi: market.abi, functionName, args, value });

  await send(admin, { address: twin.address, abi: twin.abi, functionName: "setDefaultRoyalty", args: [admin.address, 500n] });
  await send(seller, { address: twin.address, abi: twin.abi, functionName: "setApprovalForAll", args: [market.address, true] });
  let nextTwin = 900_000n;
  let nextListing = 1n;
  let nextOffer = 1n;
  async function newTwin() {
    const tokenId = nextTwin++;
    await send(minter, { address: twin.address, abi: twin.abi, functionName: "mintTo", args: [seller.address, tokenId, keccak256(toHex(`market-${tokenId}`))] });
    return tokenId;
  }
  async function listed(kind) {
    const tokenId = await newTwin();
    if (kind === "fixed") await call(seller, "listFixedPrice", [twin.address, tokenId, 1n, ETH]);
    else if (kind === "dutch") await call(seller, "listDutch", [twin.address, tokenId, 1n, 2n * ETH, ETH / 2n, HOUR]);
    else await call(seller, "createAuction", [twin.address, tokenId, 1n, ETH, HOUR, 500, 600]);
    return nextListing++;
  }
  const travel = async (seconds) => {
    await rpc(url, "evm_increaseTime", [seconds]);
    await rpc(url, "evm_mine", []);
  };

  const rows = [];
  rows.push([
    "PVAMarket.listFixedPrice (twin)",
    await sample(async () => {
      const tokenId = await newTwin();
      nextListing++;
      return call(seller, "listFixedPrice", [twin.address, tokenId, 1n, ETH]);
    }),
  ]);
  rows.push(["PVAMarket.buy (fixed-price twin; royalty, fee and seller paid)", await sample(async () => call(buyer, "buy", [await listed("fixed"), 1n, ETH], ETH))]);
  rows.push(["PVAMarket.buy (Dutch twin, excess credited)", await sample(async () => call(buyer, "buy", [await listed("dutch"), 1n, 2n * ETH], 2n * ETH))]);
  rows.push([
    "PVAMarket.createAuction (English, twin)",
    await sample(async () => {
      const tokenId = await newTwin();
      nextListing++;
      return call(seller, "createAuction", [twin.address, tokenId, 1n, ETH, HOUR, 500, 600]);
    }),
  ]);
  const auctions = [];
  rows.push([
    "PVAMarket.bid (first bid, starts the clock)",
    await sample(async () => {
      const id = await listed("auction");
      auctions.push(id);
      return call(bidder, "bid", [id], ETH);
    }),
  ]);
  rows.push(["PVAMarket.bid (outbids, previous bid credited)", await sample(async (i) => call(buyer, "bid", [auctions[i]], 2n * ETH))]);
  await travel(2 * HOUR);
  rows.push(["PVAMarket.settleAuction (twin to winner, payouts)", await sample(async (i) => call(seller, "settleAuction", [auctions[i]]))]);
  rows.push(["PVAMarket.withdraw (outbid bidder's refunds)", await sample(async (i) => (i === 0 ? call(bidder, "withdraw", []) : refundThenWithdraw()))]);
  async function refundThenWithdraw() {
    const id = await listed("auction");
    await call(bidder, "bid", [id], ETH);
    await call(buyer, "bid", [id], 2n * ETH);
    return call(bidder, "withdraw", []);
  }

  const { timestamp } = await rpc(url, "eth_getBlockByNumber", ["latest", false]);
  const expiresAt = BigInt(timestamp) + 86_400n;
  const offers = [];
  rows.push([
    "PVAMarket.makeOffer (twin, escrowed)",
    await sample(async () => {
      const tokenId = await newTwin();
      offers.push(nextOffer++);
      return call(buyer, "makeOffer", [twin.address, tokenId, 1n, expiresAt], ETH);
    }),
  ]);
  rows.push(["PVAMarket.acceptOffer (twin; royalty, fee and seller paid)", await sample(async (i) => call(seller, "acceptOffer", [offers[i]]))]);

  // Shares: partial purchases of one listing by eligible holders.
  const offeringId = 77n;
  await send(minter, { address: shares.address, abi: shares.abi, functionName: "createOffering", args: [offeringId, 1n, 10_000n, 0n] });
  for (const holder of [seller, buyer]) {
    await send(minter, { address: shares.address, abi: shares.abi, functionName: "setEligible", args: [holder.address, true] });
  }
  await send(minter, { address: shares.address, abi: shares.abi, functionName: "mintShares", args: [seller.address, offeringId, 1_000n] });
  await send(seller, { address: shares.address, abi: shares.abi, functionName: "setApprovalForAll", args: [market.address, true] });
  await call(seller, "listFixedPrice", [shares.address, offeringId, 1_000n, ETH / 100n]);
  const sharesListing = nextListing++;
  rows.push(["PVAMarket.buy (10 shares of a listing, buyer already holds some)", await sample(() => call(buyer, "buy", [sharesListing, 10n, ETH / 100n], ETH / 10n))]);

  return { rows, deployGas: market.deployGas };
}

module.exports = { measureMarket, MARKET_NOTE };
