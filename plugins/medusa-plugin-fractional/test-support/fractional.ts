// Helpers for the plugin's suites: admin and store HTTP, and the test chain seen from outside
// the server (the deployer account, unlocked on the hardhat node, holds DEFAULT_ADMIN_ROLE).
import fs from "fs"
import path from "path"
import { pvaSharesAbi, roles } from "@pva/contracts"
import { createPublicClient, createWalletClient, defineChain, getAddress, http, type Address, type Hex } from "viem"
import { adminToken, testServerUrl } from "../../../medusa-server/test-support/store"

export const DEPLOYER: Address = getAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")
export const SERVER_SIGNER: Address = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")

let cachedAdmin: string | undefined
export async function admin(method: string, urlPath: string, body?: unknown) {
  cachedAdmin ??= await adminToken()
  const res = await fetch(`${testServerUrl()}${urlPath}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${cachedAdmin}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : undefined }
}

export async function store(method: string, urlPath: string, opts: { token?: string; body?: unknown; key?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.key) headers["x-publishable-api-key"] = opts.key
  const res = await fetch(`${testServerUrl()}${urlPath}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, json, text }
}

export function testChain() {
  const url = process.env.PVA_TEST_CHAIN_URL as string
  const deployment = JSON.parse(fs.readFileSync(path.join(process.env.PVA_TEST_DEPLOYMENTS_DIR as string, "31337.json"), "utf8"))
  const chain = defineChain({ id: 31337, name: "hardhat", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [url] } } })
  const publicClient = createPublicClient({ chain, transport: http(url), pollingInterval: 50 })
  const shares = getAddress(deployment.contracts.PVAShares.address)
  const walletOf = (account: Address) => createWalletClient({ account, chain, transport: http(url) })
  const read = (functionName: string, args: readonly unknown[]) => publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName, args } as any) as Promise<any>
  async function write(account: Address, functionName: string, args: readonly unknown[]) {
    const hash = await walletOf(account).writeContract({ address: shares, abi: pvaSharesAbi, functionName, args, chain, account } as any)
    return publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
  }
  return {
    publicClient,
    shares,
    read,
    write,
    totalSupply: (id: string | bigint) => read("totalSupply", [BigInt(id)]).then(Number),
    maxShares: (id: string | bigint) => read("maxShares", [BigInt(id)]).then(Number),
    balanceOf: (wallet: Address, id: string | bigint) => read("balanceOf", [wallet, BigInt(id)]).then(Number),
    isEligible: (wallet: Address) => read("isEligible", [wallet]) as Promise<boolean>,
    setRole: (role: keyof typeof roles, account: Address, granted: boolean) =>
      write(DEPLOYER, granted ? "grantRole" : "revokeRole", [roles[role] as Hex, account]),
  }
}

export async function waitFor<T>(check: () => Promise<T | undefined | false | null>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
