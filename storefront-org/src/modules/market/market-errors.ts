import { toFunctionSelector } from "viem"
import { walletErrorMessage } from "@/modules/wallet/siwe"

// PVAMarket reverts with custom errors; a wallet or RPC hands them back as a name (when it knows
// the ABI) or as raw revert data (when it does not). Either way the collector reads a sentence.
const REASONS: [signature: string, message: string][] = [
  ["PriceAboveMax(uint256,uint256)", "The price went up since you loaded the page. Nothing was charged; check the new price."],
  ["BidTooLow(uint256,uint256)", "Another bid came in first: your bid is below the minimum now. Nothing was charged."],
  ["AuctionEnded(uint256,uint64)", "This auction has ended. Nothing was charged."],
  ["AuctionNotEnded(uint256,uint64)", "This auction has not ended yet."],
  ["ListingNotActive(uint256)", "This listing is no longer for sale."],
  ["ListingUnknown(uint256)", "This listing does not exist on the market contract."],
  ["SellerIsBuyer()", "You are the seller of this listing."],
  ["NotSeller(address)", "Only the seller can do that."],
  ["InsufficientPayment(uint256,uint256)", "The payment was below the price."],
  ["QuantityUnavailable(uint256,uint256)", "That many are not for sale any more."],
  ["SharesRestricted(address,uint8)", "The shares contract refuses this wallet now (not eligible, or a lock-up is in force). Nothing was charged."],
  ["SellerCannotDeliver(address)", "This wallet does not hold the token, or has not approved the market for it."],
  ["AlreadyListed(uint256)", "This twin is already listed: cancel that listing first."],
  ["BidStands(uint256)", "A bid stands on this auction: it can no longer be cancelled."],
  ["InvalidPrice()", "Enter prices above zero, with the floor below the start price."],
  ["InvalidDuration(uint256)", "Choose a duration between 15 minutes and 90 days."],
  ["InvalidExpiry(uint64)", "Choose an expiry in the future, at most 180 days away."],
  ["OfferNotOpen(uint256)", "This offer is no longer open."],
  ["OfferExpired(uint256,uint64)", "This offer has expired."],
  ["NotBidder(address)", "Only the wallet that made the offer can withdraw it."],
  ["TwinInAuction(uint256)", "This twin is in an auction with a bid: it cannot be sold otherwise until it ends."],
  ["NothingToWithdraw()", "There is nothing to withdraw."],
  ["EnforcedPause()", "The market is paused for maintenance. Nothing was charged."],
  ["ERC721InsufficientApproval(address,uint256)", "The market is not approved for this twin yet."],
]

const BY_SELECTOR = new Map(REASONS.map(([sig, message]) => [toFunctionSelector(sig), message]))
const BY_NAME = REASONS.map(([sig, message]) => [sig.slice(0, sig.indexOf("(")), message] as const)

export function marketErrorMessage(err: unknown): string {
  const text = collectText(err)
  for (const [selector, message] of BY_SELECTOR) if (text.includes(selector)) return message
  for (const [name, message] of BY_NAME) if (new RegExp(`\\b${name}\\b`).test(text)) return message
  if (/insufficient funds/i.test(text)) return "Your wallet does not hold enough ETH for this (price plus gas)."
  return walletErrorMessage(err)
}

/** The error's message, its causes' and any revert data, lowercased hex included. */
function collectText(err: unknown, depth = 0): string {
  if (depth > 4 || err === null || err === undefined) return ""
  if (typeof err !== "object") return String(err)
  const parts: string[] = []
  for (const key of ["message", "shortMessage", "details", "data", "reason"]) {
    const value = (err as Record<string, unknown>)[key]
    if (typeof value === "string") parts.push(value)
    else if (value && typeof value === "object") parts.push(collectText(value, depth + 1))
  }
  parts.push(collectText((err as { cause?: unknown }).cause, depth + 1))
  return parts.join("\n").replace(/0x[0-9A-F]{8}/g, (hex) => hex.toLowerCase())
}
