// 1,000 listings on the bench's chain, for Lighthouse on /market at a realistic size: a seller
// (Hardhat dev account #7, unlocked on the node, so the node signs) mints twins to itself,
// approves the market once and lists each: a third at a fixed price, a third as English
// auctions, a third as Dutch auctions. Transactions are sent back to back and awaited at the end
// (the node mines each as it comes); the store's chain sync then follows them into its read model.
import { createRequire } from "node:module"
import { encodeFunctionData, keccak256, parseEther, toHex } from "viem"

const require = createRequire(import.meta.url)
const { loadDeployment, pvaMarketAbi, pvaTwinAbi, roles } = require("@pva/contracts")

const DEPLOYER = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"
const SELLER = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955"
const FIRST_TWIN = 4_000_000_000n
const DAY = 86_400

async function rpc(url, method, params) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) })
  const body = await res.json()
  if (body.error) throw new Error(`${method}: ${body.error.message}`)
  return body.result
}

/** Sends every call from `from` without waiting, then waits for all receipts; throws on a revert. */
async function sendAll(url, from, calls) {
  const hashes = []
  for (const { to, data } of calls) hashes.push(await rpc(url, "eth_sendTransaction", [{ from, to, data, gas: "0x7a120" }]))
  for (const hash of hashes) {
    let receipt = null
    while (!(receipt = await rpc(url, "eth_getTransactionReceipt", [hash]))) await new Promise((r) => setTimeout(r, 50))
    if (receipt.status !== "0x1") throw new Error(`transaction ${hash} reverted`)
  }
}

export async function seedMarketListings({ rpcUrl, deploymentsDir, count = 1000, log = console.log }) {
  const { PVATwin, PVAMarket } = loadDeployment(31337, deploymentsDir).contracts
  const twin = (functionName, args) => ({ to: PVATwin.address, data: encodeFunctionData({ abi: pvaTwinAbi, functionName, args }) })
  const market = (functionName, args) => ({ to: PVAMarket.address, data: encodeFunctionData({ abi: pvaMarketAbi, functionName, args }) })
  const ids = Array.from({ length: count }, (_, i) => FIRST_TWIN + BigInt(i))

  await sendAll(rpcUrl, DEPLOYER, [twin("grantRole", [roles.MINTER_ROLE, SELLER])])
  await sendAll(rpcUrl, SELLER, [...ids.map((id) => twin("mintTo", [SELLER, id, keccak256(toHex(`bench-${id}`))])), twin("setApprovalForAll", [PVAMarket.address, true])])
  await sendAll(rpcUrl, DEPLOYER, [twin("revokeRole", [roles.MINTER_ROLE, SELLER])])
  await sendAll(
    rpcUrl,
    SELLER,
    ids.map((id, i) => {
      const price = parseEther(String(0.1 + (i % 97) / 10))
      if (i % 3 === 0) return market("listFixedPrice", [PVATwin.address, id, 1n, price])
      if (i % 3 === 1) return market("createAuction", [PVATwin.address, id, 1n, price, DAY, 500, 600])
      return market("listDutch", [PVATwin.address, id, 1n, price * 2n, price, DAY + (i % 50) * 3600])
    })
  )
  log(`listed ${count} twins on the market`)
}

/** Waits until the store's read model shows at least `count` listings. */
export async function waitForListings({ serverUrl, publishableKey, count, timeoutMs = 300_000 }) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await fetch(`${serverUrl}/store/market/listings?limit=1`, { headers: { "x-publishable-api-key": publishableKey } })
    const body = res.ok ? await res.json() : null
    if (body && body.count >= count) return body.count
    if (Date.now() > deadline) throw new Error(`the store shows ${body?.count ?? `an error (${res.status})`} listings, not ${count}, after ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}
