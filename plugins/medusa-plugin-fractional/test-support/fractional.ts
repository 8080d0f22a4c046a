// Helpers for the plugin's suites: admin and store HTTP, and the test chain seen from outside
// the server (the deployer account, unlocked on the hardhat node, holds DEFAULT_ADMIN_ROLE).
import fs from "fs"
import path from "path"
import { pvaSharesAbi, roles } from "@pva/contracts"
import { createPublicClient, createWalletClient, defineChain, getAddress, http, type Address, type Hex } from "viem"
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts"
import { createSiweMessage } from "viem/siwe"
import { query } from "@pva/test-support/database"
import {
  adminToken,
  http as rawHttp,
  regionByName,
  registerCustomer,
  storeClient,
  testSeed,
  testServerUrl,
  US_ADDRESS,
} from "@pva/test-support/store"

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

/** Store (or admin) HTTP as a signed-in customer: medusa-server's raw `http` helper with a bearer token. */
export function store(method: string, urlPath: string, opts: { token?: string; body?: unknown; key?: string } = {}) {
  const headers: Record<string, string> = {}
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.key) headers["x-publishable-api-key"] = opts.key
  return rawHttp(method, urlPath, { body: opts.body, headers })
}

/** Adds `quantity` of a variant to a pvabazaar.org cart. */
export function addLine(token: string | undefined, cartId: string, variant_id: string, quantity: unknown) {
  return store("POST", `/store/carts/${cartId}/line-items`, { token, key: testSeed().publishableKeys.org, body: { variant_id, quantity } })
}

/** An empty cart on pvabazaar.org in the United States region (the customer's when signed in). */
export async function orgCart(token?: string): Promise<string> {
  const key = testSeed().publishableKeys.org
  const regions = (await store("GET", "/store/regions", { key })).json.regions
  const region = regions.find((r: any) => r.name === "United States")
  return (await store("POST", "/store/carts", { token, key, body: { region_id: region.id } })).json.cart.id
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

/** Links a fresh wallet to the signed-in customer the way a storefront does (SIWE nonce, signature). */
export async function linkWallet(token: string, privateKey: Hex = generatePrivateKey()) {
  const account = privateKeyToAccount(privateKey)
  const { nonce } = (await store("POST", "/store/wallet/nonce")).json
  const now = new Date()
  const message = createSiweMessage({
    domain: "localhost:8001",
    address: account.address,
    uri: "http://localhost:8001/account/wallets",
    version: "1",
    chainId: 31337,
    nonce,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + 5 * 60_000),
    statement: "Link this wallet to your PVA Bazaar account",
  })
  const signature = await account.signMessage({ message })
  const res = await store("POST", "/store/customers/me/wallets", { token, body: { message, signature } })
  if (res.status !== 201) throw new Error(`linking a wallet failed: ${res.status} ${res.text}`)
  return account
}

/** A signed-in customer with a linked wallet whose KYC application awaits review. */
export async function kycApplicant(label = "applicant") {
  const email = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.com`
  const token = await registerCustomer(email)
  const account = await linkWallet(token)
  const submitted = await store("POST", "/store/customers/me/kyc", {
    token,
    body: { legal_name: "Test Buyer", country_code: "us", date_of_birth: "1980-01-01" },
  })
  if (submitted.status !== 201) throw new Error(`KYC application failed: ${submitted.status} ${submitted.text}`)
  const me = await store("GET", "/store/customers/me", { token })
  return { email, token, account, wallet: account.address, customerId: me.json.customer.id as string, applicationId: submitted.json.kyc.application.id as string }
}

/** A signed-in customer with a linked wallet and approved KYC (so the wallet is eligible on chain). */
export async function approvedBuyer(label = "buyer") {
  const applicant = await kycApplicant(label)
  const decided = await admin("POST", `/admin/kyc/applications/${applicant.applicationId}/decision`, { decision: "approved", note: "Test approval" })
  if (decided.status !== 200) throw new Error(`approval failed: ${decided.status} ${JSON.stringify(decided.json)}`)
  return { ...applicant, eligibility: decided.json.eligibility }
}

/** An open offering created through the admin API. */
export async function openOffering(over: Record<string, unknown> = {}) {
  const created = await admin("POST", "/admin/offerings", {
    title: `Race Piece ${Math.random().toString(36).slice(2, 8)}`,
    twin_token_id: 1,
    total_shares: 100,
    prices: { usd: 625, eur: 579 },
    ...over,
  })
  if (created.status !== 201) throw new Error(`offering create failed: ${JSON.stringify(created.json)}`)
  const opened = await admin("POST", `/admin/offerings/${created.json.offering.id}/open`)
  if (opened.status !== 200) throw new Error(`offering open failed: ${JSON.stringify(opened.json)}`)
  return opened.json.offering
}

/** A cart on pvabazaar.org holding `quantity` shares, one `complete` away from an order (shares need no shipping method). */
export async function shareCart(buyer: { token: string; email: string }, variantId: string, quantity: number) {
  const client = storeClient("org", { token: buyer.token })
  const region = await regionByName(client, "United States")
  const { cart } = await client.carts.create({ region_id: region.id })
  const added = await addLine(buyer.token, cart.id, variantId, quantity)
  if (added.status !== 200) return { cartId: cart.id, added }
  await client.carts.update(cart.id, { email: buyer.email, shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
  await client.carts.createPaymentSessions(cart.id)
  await client.carts.setPaymentSession(cart.id, { provider_id: "manual" })
  return { cartId: cart.id, added }
}

export async function completeCart(token: string, cartId: string) {
  return store("POST", `/store/carts/${cartId}/complete`, { token, key: testSeed().publishableKeys.org })
}

export async function dbQuery<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  return query<T>(process.env.PVA_TEST_DATABASE_URL as string, sql, params)
}
