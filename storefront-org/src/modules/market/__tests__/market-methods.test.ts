/**
 * @jest-environment node
 */
// viem needs TextEncoder, which jsdom lacks; these checks have no DOM.
import { pvaMarketAbi, pvaTwinAbi } from "@pva/contracts"
import { parseAbiItem, toFunctionSignature, type AbiFunction } from "viem"
import { APPROVAL_METHODS, MARKET_METHODS } from "../market-methods"

// The site writes PVAMarket's methods out by hand (as the claim flow does); each must be a
// function the deployed contract has, with the same arguments and payability, or the button fails.
const signature = (item: AbiFunction) => `${toFunctionSignature(item)} ${item.stateMutability}`

function abiFunctions(abi: readonly unknown[]): string[] {
  return abi.filter((i): i is AbiFunction => (i as { type?: string }).type === "function").map(signature)
}

describe("the market calls the site makes", () => {
  it.each(Object.entries(MARKET_METHODS))("%s matches PVAMarket's ABI", (_name, method) => {
    expect(abiFunctions(pvaMarketAbi)).toContain(signature(parseAbiItem(method) as AbiFunction))
  })

  it.each(Object.entries(APPROVAL_METHODS))("%s matches PVATwin's ABI (shares use the same ERC-1155 pair)", (_name, method) => {
    expect(abiFunctions(pvaTwinAbi)).toContain(signature(parseAbiItem(method) as AbiFunction))
  })
})
