/**
 * @jest-environment node
 */
// viem needs TextEncoder, which jsdom lacks; these checks have no DOM.
import { encodeErrorResult, parseEther } from "viem"
import { pvaMarketAbi } from "@pva/contracts"
import { marketErrorMessage } from "../market-errors"

describe("what a collector reads when the market refuses a transaction", () => {
  it("turns raw revert data (a wallet that does not know the ABI) into a sentence", () => {
    const data = encodeErrorResult({ abi: pvaMarketAbi, errorName: "PriceAboveMax", args: [parseEther("2"), parseEther("1.5")] })
    const err = new Error(`Execution reverted with reason: custom error ${data}`)
    expect(marketErrorMessage(err)).toBe("The price went up since you loaded the page. Nothing was charged; check the new price.")
  })

  it("finds the revert data in the error's cause, as viem nests it", () => {
    const data = encodeErrorResult({ abi: pvaMarketAbi, errorName: "BidTooLow", args: [parseEther("1.05"), parseEther("1")] })
    const err = Object.assign(new Error("Transaction failed"), { cause: { data } })
    expect(marketErrorMessage(err)).toBe("Another bid came in first: your bid is below the minimum now. Nothing was charged.")
  })

  it("reads an error by name when the wallet decoded it", () => {
    expect(marketErrorMessage(new Error('The contract function "settleAuction" reverted. Error: AuctionNotEnded(uint256 listingId, uint64 endTime) (3, 1765000000)'))).toBe(
      "This auction has not ended yet."
    )
  })

  it("keeps the wallet's own messages for a rejection", () => {
    expect(marketErrorMessage(Object.assign(new Error("User rejected the request."), { code: 4001 }))).toBe("You rejected the request in your wallet. Nothing was signed or sent.")
  })

  it("says when the wallet cannot pay", () => {
    expect(marketErrorMessage(new Error("sender doesn't have enough funds to send tx: insufficient funds for gas * price + value"))).toBe(
      "Your wallet does not hold enough ETH for this (price plus gas)."
    )
  })
})
