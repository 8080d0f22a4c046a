// PVAMarket test fixtures: a market over a fresh PVATwin and PVAShares, the assets in the
// sellers' hands with the market approved, and readers that name the contract's enums.
import { decodeErrorResult, getAddress, parseEventLogs, type Address, type Hash, type Hex, type LocalAccount, type TransactionReceipt } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { pvaMarketAbi } from "../../abi/PVAMarket";
import { listingKinds, listingStatuses, offerStatuses } from "../../lib/market";
import { accounts, isolateChainState, mined, publicClient, revertOf, walletFor } from "./chain";
import { pvaSharesAbi, pvaTwinAbi, readArtifact, sharesFixture, twinFixture } from "./contracts";
import { digestFor } from "./vouchers";

export { pvaMarketAbi };
export const marketActorAbi = readArtifact("MarketActor", "src/test").abi;

/** MarketActor.Mode */
export const Mode = { Accept: 0, Reject: 1, Reenter: 2 } as const;

export const FEE_BPS = 250;
export const ROYALTY_BPS = 500;

export interface MarketSetup {
  twin: Address;
  shares: Address;
  market: Address;
  /** A fresh address (balance 0) that receives the platform fee. */
  feeRecipient: Address;
  /** A fresh address (balance 0) that PVATwin's default royalty pays. */
  royaltyReceiver: Address;
}

export const freshAddress = () => privateKeyToAccount(generatePrivateKey()).address;

async function deployArtifact(name: string, folder: string, args: readonly unknown[]): Promise<Address> {
  const { abi, bytecode } = readArtifact(name, folder);
  const receipt = await mined(walletFor(accounts.admin).deployContract({ abi, bytecode, args }));
  return getAddress(receipt.contractAddress as Address);
}

export function deployMarket(twin: Address, shares: Address, feeRecipient: Address, feeBps = FEE_BPS) {
  return deployArtifact("PVAMarket", "src", [accounts.admin.address, twin, shares, feeRecipient, feeBps]);
}

export function deployMarketActor() {
  return deployArtifact("MarketActor", "src/test", []);
}

/**
 * For a describe block: PVATwin (default royalty 5% to a fresh address), PVAShares and a
 * PVAMarket (2.5% fee to a fresh address) deployed once, the chain reset around each test.
 */
export function useMarket(): MarketSetup {
  const setup = {} as MarketSetup;
  beforeAll(async () => {
    setup.twin = await twinFixture();
    setup.shares = await sharesFixture();
    setup.feeRecipient = freshAddress();
    setup.royaltyReceiver = freshAddress();
    setup.market = await deployMarket(setup.twin, setup.shares, setup.feeRecipient);
    await mined(
      walletFor(accounts.admin).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setDefaultRoyalty", args: [setup.royaltyReceiver, BigInt(ROYALTY_BPS)] }),
    );
  });
  isolateChainState();
  return setup;
}

/**
 * Sends `functionName` to the market as `from` (a promise of the hash: pass it to `mined` or
 * `expectRevert`). A fixed `gas` skips the estimate, so a transaction that will revert is sent.
 */
export function marketSend(setup: MarketSetup, from: LocalAccount, functionName: string, args: readonly unknown[], value = 0n, gas?: bigint): Promise<Hash> {
  return walletFor(from).writeContract({ address: setup.market, abi: pvaMarketAbi, functionName, args, value, gas } as never);
}

export function marketCall(setup: MarketSetup, from: LocalAccount, functionName: string, args: readonly unknown[], value = 0n) {
  return mined(marketSend(setup, from, functionName, args, value));
}

export function marketRead<T = unknown>(setup: MarketSetup, functionName: string, args: readonly unknown[] = []): Promise<T> {
  return publicClient.readContract({ address: setup.market, abi: pvaMarketAbi, functionName, args } as never) as Promise<T>;
}

/** Mints twin `tokenId` to `owner` and approves the market for all of the owner's twins. */
export async function twinForSale(setup: MarketSetup, owner: LocalAccount, tokenId: bigint) {
  await mined(walletFor(accounts.minter).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "mintTo", args: [owner.address, tokenId, digestFor(`twin-${tokenId}`)] }));
  await mined(walletFor(owner).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setApprovalForAll", args: [setup.market, true] }));
}

export function setEligible(setup: MarketSetup, who: Address, eligible = true) {
  return mined(walletFor(accounts.compliance).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "setEligible", args: [who, eligible] }));
}

/**
 * Creates offering `offeringId` (of twin `offeringId`, cap 1,000, optional lock-up), makes
 * `holder` eligible, mints them `amount` and approves the market.
 */
export async function sharesForSale(setup: MarketSetup, holder: LocalAccount, offeringId: bigint, amount: bigint, lockupUntil = 0n) {
  await mined(walletFor(accounts.issuer).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "createOffering", args: [offeringId, offeringId, 1_000n, lockupUntil] }));
  await setEligible(setup, holder.address);
  await mined(walletFor(accounts.minter).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "mintShares", args: [holder.address, offeringId, amount] }));
  await mined(walletFor(holder).writeContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "setApprovalForAll", args: [setup.market, true] }));
}

export const twinOwner = (setup: MarketSetup, tokenId: bigint) =>
  publicClient.readContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [tokenId] });
export const sharesOf = (setup: MarketSetup, who: Address, offeringId: bigint) =>
  publicClient.readContract({ address: setup.shares, abi: pvaSharesAbi, functionName: "balanceOf", args: [who, offeringId] });
export const balanceOf = (who: Address) => publicClient.getBalance({ address: who });
export const withdrawable = (setup: MarketSetup, who: Address) => marketRead<bigint>(setup, "withdrawable", [who]);

interface RawListing {
  seller: Address;
  kind: number;
  status: number;
  quantity: bigint;
  price: bigint;
  endTime: bigint;
  highBidder: Address;
  highBid: bigint;
}

/** The listing with its kind and status by name. */
export async function listingOf(setup: MarketSetup, listingId: bigint) {
  const raw = await marketRead<RawListing>(setup, "getListing", [listingId]);
  return { ...raw, kind: listingKinds[raw.kind], status: listingStatuses[raw.status] };
}

export async function offerOf(setup: MarketSetup, offerId: bigint) {
  const raw = await marketRead<{ status: number; amount: bigint; bidder: Address }>(setup, "getOffer", [offerId]);
  return { ...raw, status: offerStatuses[raw.status] };
}

/** The market's events of `eventName` in `receipt`, decoded. */
export function marketEvents(receipt: TransactionReceipt, eventName: string) {
  return parseEventLogs({ abi: pvaMarketAbi, logs: receipt.logs, eventName: eventName as never }) as unknown as { args: Record<string, unknown> }[];
}

/** The id a `list*` / `createAuction` / `makeOffer` transaction created. */
export function createdId(receipt: TransactionReceipt): bigint {
  const [listed] = marketEvents(receipt, "Listed");
  if (listed) return listed.args.listingId as bigint;
  const [offer] = marketEvents(receipt, "OfferMade");
  if (offer) return offer.args.offerId as bigint;
  throw new Error("no Listed or OfferMade event in the receipt");
}

/** Ether the sender of `receipt` paid in gas. */
export const gasCost = (receipt: TransactionReceipt) => receipt.gasUsed * receipt.effectiveGasPrice;

/** Configures a MarketActor: reaction to ether and to tokens, and what it re-enters with. */
export function configureActor(actor: Address, onEther: number, onToken: number, target: Address = actor, payload: Hex = "0x") {
  return mined(walletFor(accounts.relayer).writeContract({ address: actor, abi: marketActorAbi, functionName: "configure", args: [onEther, onToken, target, payload] }));
}

/** Makes MarketActor `actor` call the market with `data` (and `value`), as relayer. */
export function actorExecute(actor: Address, target: Address, data: Hex, value = 0n) {
  return walletFor(accounts.relayer).writeContract({ address: actor, abi: marketActorAbi, functionName: "execute", args: [target, data], value });
}

/** Asserts that a call through a MarketActor reverted with the market's custom error `errorName`. */
export async function expectMarketRevertViaActor(action: Promise<unknown>, errorName: string, args?: readonly unknown[]) {
  const { raw } = await revertOf(action);
  const decoded = decodeErrorResult({ abi: pvaMarketAbi, data: raw as Hex });
  expect(decoded.errorName).toBe(errorName);
  if (args !== undefined) expect(decoded.args).toEqual(args);
}
