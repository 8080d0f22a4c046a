import { getContract, prepareContractCall, readContract, sendAndConfirmTransaction, type PreparedTransaction } from "thirdweb"
import type { Account } from "thirdweb/wallets"
import { toEventSelector } from "viem"
import type { Terms } from "@/lib/market/sale-terms"
import { APPROVAL_METHODS, MARKET_METHODS } from "./market-methods"
import { pvaChain, thirdwebClient } from "@/modules/wallet/thirdweb"

// Every PVAMarket call the site makes (methods in market-methods.ts). Each function sends one
// transaction from the collector's wallet and waits for its receipt, so the page only says
// "done" once the chain has it.

export type MarketWallet = { account: Account; market: string }

const contractAt = (address: string) => getContract({ client: thirdwebClient, chain: pvaChain, address })

async function send(account: Account, transaction: PreparedTransaction): Promise<string> {
  const receipt = await sendAndConfirmTransaction({ transaction, account })
  if (receipt.status !== "success") throw new Error("The transaction was reverted on chain.")
  return receipt.transactionHash
}

/** Approves the market for all of the seller's tokens of `token`, once: later listings need no approval. */
export async function approveOnce(w: MarketWallet, token: string): Promise<"already" | string> {
  const approved = await readContract({ contract: contractAt(token), method: APPROVAL_METHODS.isApprovedForAll, params: [w.account.address, w.market] })
  if (approved) return "already"
  return send(w.account, prepareContractCall({ contract: contractAt(token), method: APPROVAL_METHODS.setApprovalForAll, params: [w.market, true] }))
}

const LISTED_TOPIC = toEventSelector("Listed(uint256,address,address,uint256,uint8,uint256,uint256)")

/** Opens a listing of `tokenId` of `token` on these terms; answers its transaction and the new listing's id. */
export async function list(w: MarketWallet, token: string, tokenId: bigint, terms: Terms): Promise<{ hash: string; listingId: string }> {
  const contract = contractAt(w.market)
  const transaction =
    terms.kind === "fixed"
      ? prepareContractCall({ contract, method: MARKET_METHODS.listFixedPrice, params: [token, tokenId, terms.quantity, terms.price] })
      : terms.kind === "english"
        ? prepareContractCall({
            contract,
            method: MARKET_METHODS.createAuction,
            params: [token, tokenId, terms.quantity, terms.reserve, terms.durationSeconds, terms.minIncrementBps, terms.extensionSeconds],
          })
        : prepareContractCall({ contract, method: MARKET_METHODS.listDutch, params: [token, tokenId, terms.quantity, terms.startPrice, terms.floorPrice, terms.durationSeconds] })
  const receipt = await sendAndConfirmTransaction({ transaction, account: w.account })
  if (receipt.status !== "success") throw new Error("The transaction was reverted on chain.")
  const listed = receipt.logs.find((log) => log.address.toLowerCase() === w.market.toLowerCase() && log.topics[0] === LISTED_TOPIC)
  if (!listed?.topics[1]) throw new Error("The market did not report the new listing.")
  return { hash: receipt.transactionHash, listingId: BigInt(listed.topics[1]).toString() }
}

/**
 * Buys `quantity` at no more than `maxUnitPrice` each (the price the buyer saw: a price raised
 * meanwhile is refused on chain, a Dutch price that fell meanwhile leaves the difference credited).
 */
export function buy(w: MarketWallet, listingId: bigint, quantity: bigint, maxUnitPrice: bigint): Promise<string> {
  const transaction = prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.buy, params: [listingId, quantity, maxUnitPrice], value: maxUnitPrice * quantity })
  return send(w.account, transaction)
}

export function bid(w: MarketWallet, listingId: bigint, amount: bigint): Promise<string> {
  return send(w.account, prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.bid, params: [listingId], value: amount }))
}

export function settle(w: MarketWallet, listingId: bigint): Promise<string> {
  return send(w.account, prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.settleAuction, params: [listingId] }))
}

export function cancel(w: MarketWallet, listingId: bigint, kind: "fixed" | "dutch" | "english"): Promise<string> {
  const method = kind === "english" ? MARKET_METHODS.cancelAuction : MARKET_METHODS.cancelListing
  return send(w.account, prepareContractCall({ contract: contractAt(w.market), method, params: [listingId] }))
}

export function makeOffer(w: MarketWallet, token: string, tokenId: bigint, quantity: bigint, amount: bigint, expiresAt: bigint): Promise<string> {
  const transaction = prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.makeOffer, params: [token, tokenId, quantity, expiresAt], value: amount })
  return send(w.account, transaction)
}

export function acceptOffer(w: MarketWallet, offerId: bigint): Promise<string> {
  return send(w.account, prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.acceptOffer, params: [offerId] }))
}

export function withdrawOffer(w: MarketWallet, offerId: bigint): Promise<string> {
  return send(w.account, prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.withdrawOffer, params: [offerId] }))
}

/** Refunds (an outbid bid, a Dutch overpayment) wait in the market until their owner takes them. */
export function withdrawable(w: MarketWallet): Promise<bigint> {
  return readContract({ contract: contractAt(w.market), method: MARKET_METHODS.withdrawable, params: [w.account.address] })
}

export function withdraw(w: MarketWallet): Promise<string> {
  return send(w.account, prepareContractCall({ contract: contractAt(w.market), method: MARKET_METHODS.withdraw, params: [] }))
}

/** What the chain asks for one unit of a fixed-price or Dutch listing at its latest block. */
export function priceOnChain(market: string, listingId: bigint): Promise<bigint> {
  return readContract({ contract: contractAt(market), method: MARKET_METHODS.currentPrice, params: [listingId] })
}

export function minimumBidOnChain(market: string, listingId: bigint): Promise<bigint> {
  return readContract({ contract: contractAt(market), method: MARKET_METHODS.minimumBid, params: [listingId] })
}
