// The seed's offerings exist on both sides, and a dev restart on an empty chain (what
// `npm run dev` does every time) brings the new chain back in line with the store.
import fs from "fs"
import os from "os"
import path from "path"
import { pvaSharesAbi } from "@pva/contracts"
import { createPublicClient, http, type Address } from "viem"
import { createTestDatabase, query } from "@pva/test-support/database"
import { migrateAndSeed } from "@pva/test-support/server"
import { customerToken } from "@pva/test-support/store"
import { admin, store, testChain } from "../../../test-support/fractional"
import { waitFor } from "@pva/test-support/wait"

const DEV_WALLET: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"
const contractsDir = path.dirname(require.resolve("@pva/contracts/package.json"))
const { startHardhatNode } = require(path.join(contractsDir, "scripts", "lib", "hardhat-node.js"))
const { deploy } = require(path.join(contractsDir, "scripts", "deploy.js"))

async function freshChain() {
  const node = await startHardhatNode({ logFile: path.join(os.tmpdir(), `pva-fractional-restart-${process.pid}-${Date.now()}.log`) })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-fractional-restart-"))
  const deployment = await deploy({ rpcUrl: node.url, outDir: dir, log: () => undefined })
  const client = createPublicClient({ transport: http(node.url) })
  const read = (functionName: string, args: unknown[]) =>
    client.readContract({ address: deployment.contracts.PVAShares.address, abi: pvaSharesAbi, functionName, args } as any) as Promise<any>
  return { node, read, env: { CHAIN_RPC_URL: node.url, CHAIN_RPC_URLS: node.url, CHAIN_ID: "31337", CHAIN_DEPLOYMENTS_DIR: dir } }
}

it("seeds 100 shares at $6.25 with 13 held by the dev customer on chain, a sold-out and a draft offering", async () => {
  const offerings = (await admin("GET", "/admin/offerings")).json.offerings
  const emerald = offerings.find((o: any) => o.title === "Vault: Imperial Emerald")
  expect(emerald).toMatchObject({ status: "open", total_shares: 100, prices: { usd: 625, eur: 579 }, sold: 13, remaining: 87 })
  expect(offerings.find((o: any) => o.title === "Vault: Paraíba Tourmaline")).toMatchObject({ status: "sold_out", remaining: 0 })
  expect(offerings.find((o: any) => o.title === "Kivu Tourmaline Collector Stone")).toMatchObject({ status: "draft" })

  const chain = testChain()
  expect(await chain.totalSupply(emerald.chain_offering_id)).toBe(13)
  expect(await chain.balanceOf(DEV_WALLET, emerald.chain_offering_id)).toBe(13)

  const token = await customerToken("shopper@pvabazaar.local", "pva-shopper-dev")
  const portfolio = await waitFor(async () => {
    const p = (await store("GET", "/store/customers/me/portfolio", { token })).json.portfolio
    return p.positions.find((x: any) => x.offering_id === emerald.id)?.confirmed_shares === 13 && p
  }, 20_000, "chain sync to mirror the seeded holdings")
  expect(portfolio.positions.find((x: any) => x.offering_id === emerald.id).value).toEqual({ usd: 8125, eur: 13 * 579 })
  expect((await store("GET", "/store/customers/me/kyc", { token })).json.kyc.status).toBe("approved")
  const listed = (await store("GET", "/store/offerings")).json.offerings.map((o: any) => o.title)
  expect(listed).toEqual(expect.arrayContaining(["Vault: Imperial Emerald", "Vault: Paraíba Tourmaline"]))
  expect(listed).not.toContain("Kivu Tourmaline Collector Stone")
})

it("a dev restart on an empty chain re-creates offerings, eligibility and holdings there, and the store stays as it was", async () => {
  const db = await createTestDatabase("fractional_restart")
  const first = await freshChain()
  let second: Awaited<ReturnType<typeof freshChain>> | undefined
  try {
    migrateAndSeed(db.url, first.env)
    const offerings = () => query(db.url, `SELECT id, chain_offering_id, total_shares, sold, status FROM fractional_offering ORDER BY title`)
    const before = await offerings()
    expect(before).toHaveLength(3)
    await first.node.stop()

    second = await freshChain()
    const open = before.filter((o: any) => o.status !== "draft")
    for (const o of open) expect(Number(await second.read("maxShares", [BigInt(o.chain_offering_id)]))).toBe(0)
    migrateAndSeed(db.url, second.env)

    expect(await offerings()).toEqual(before)
    for (const o of open) {
      expect(Number(await second.read("maxShares", [BigInt(o.chain_offering_id)]))).toBe(o.total_shares)
      expect(Number(await second.read("totalSupply", [BigInt(o.chain_offering_id)]))).toBe(o.sold)
      expect(Number(await second.read("balanceOf", [DEV_WALLET, BigInt(o.chain_offering_id)]))).toBe(o.sold)
    }
    expect(await second.read("isEligible", [DEV_WALLET])).toBe(true)
  } finally {
    await first.node.stop().catch(() => undefined)
    await second?.node.stop()
    await db.drop()
  }
})
