// The whole stack a twin test needs, all real: a hardhat node with PVATwin deployed, a
// PostgreSQL database, and the seeded PVA Medusa server with chain sync following the node.
import { DEV_SERVER_KEY, pvaSharesAbi, pvaTwinAbi, roles } from "@pva/contracts"
import { createHash } from "crypto"
import { createWalletClient, http as viemHttp, parseEther, type Address, type Hex } from "viem"
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts"
import { createSiweMessage } from "viem/siwe"
import { FOLLOW_AT_ONCE, startChain, type TestChain } from "@pva/test-support/chain"
import { createTestDatabase, query, type TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, startServer, type TestServer } from "@pva/test-support/server"
import { http } from "@pva/test-support/store"
import { TWIN_CLAIM_CODE_EMAIL } from "@pva/medusa-kit/events"

/** Hardhat dev key #1: the server's minter and attester in tests (chain 31337 only). */
export const SERVER_KEY: Hex = DEV_SERVER_KEY
export const SIWE_DOMAIN = "localhost:8001"

export type TwinStack = Awaited<ReturnType<typeof startTwinStack>>

export async function startTwinStack(extraEnv: Record<string, string> = {}) {
  const [chainStart, dbStart] = await Promise.allSettled([startChain(), createTestDatabase("twins")])
  if (chainStart.status === "rejected" || dbStart.status === "rejected") {
    // Nothing may outlive a failed start: jest would wait on the node forever.
    if (chainStart.status === "fulfilled") await chainStart.value.stop()
    if (dbStart.status === "fulfilled") await dbStart.value.drop()
    throw chainStart.status === "rejected" ? chainStart.reason : (dbStart as PromiseRejectedResult).reason
  }
  const [chain, db] = [chainStart.value, dbStart.value]
  let medusa: TestServer
  let seed: ReturnType<typeof migrateAndSeed>
  try {
    ;({ medusa, seed } = await startServing(chain, db, extraEnv))
  } catch (err) {
    await Promise.all([chain.stop(), db.drop()]).catch(() => undefined)
    throw err
  }
  return stackApi(chain, db, medusa, seed)
}

/** The roles the server key signs with: twins (vouchers, attestations) and, for the seed's dev share offerings, shares. */
export async function grantServerRoles(chain: TestChain) {
  const server = privateKeyToAccount(SERVER_KEY)
  for (const role of ["MINTER_ROLE", "ATTESTER_ROLE"] as const) {
    await chain.send(chain.wallet.writeContract({ address: chain.twin.address, abi: pvaTwinAbi, functionName: "grantRole", args: [roles[role], server.address] }))
  }
  for (const role of ["ISSUER_ROLE", "MINTER_ROLE", "COMPLIANCE_ROLE"] as const) {
    await chain.send(chain.wallet.writeContract({ address: chain.shares.address, abi: pvaSharesAbi, functionName: "grantRole", args: [roles[role], server.address] }))
  }
}

async function startServing(chain: TestChain, db: TestDatabase, extraEnv: Record<string, string>) {
  await grantServerRoles(chain)
  const env = {
    ...FOLLOW_AT_ONCE,
    CHAIN_RPC_URLS: chain.url,
    CHAIN_RPC_URL: chain.url,
    CHAIN_ID: "31337",
    CHAIN_DEPLOYMENTS_DIR: chain.writeDeployment(),
    TWIN_MINTER_KEY: SERVER_KEY,
    TWIN_ATTESTER_KEY: SERVER_KEY,
    STOREFRONT_ORG_URL: `http://${SIWE_DOMAIN}`,
    TWIN_CLAIM_ATTEMPTS: "30",
    TWIN_SIWE_ATTEMPTS_PER_MINUTE: "200",
    RATE_LIMIT_LOGIN: "1000",
    ...extraEnv,
  }
  const seed = migrateAndSeed(db.url, env)
  const medusa: TestServer = await startServer(db.url, env)
  // medusa-server's store helpers read these.
  process.env.PVA_TEST_SERVER_URL = medusa.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_TEST_DATABASE_URL = db.url
  return { medusa, seed }
}

function stackApi(chain: TestChain, db: TestDatabase, medusa: TestServer, seed: ReturnType<typeof migrateAndSeed>) {
  const sql = <T = any>(text: string, params: unknown[] = []) => query<T>(db.url, text, params)

  /** The store API as pvabazaar.org calls it (its publishable key), optionally signed in. */
  function api(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const auth: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {}
    return http(method, path, { body: opts.body, channel: "org", headers: { ...auth, ...opts.headers } })
  }

  /** A SIWE message as pvabazaar.org would build it, signed by `account`. */
  async function siwe(account: PrivateKeyAccount, overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
    const nonce = overrides.nonce ?? (await api("POST", "/store/wallet/nonce")).json.nonce
    const now = Date.now()
    const message = createSiweMessage({
      domain: SIWE_DOMAIN,
      address: account.address,
      statement: "Sign in to PVA Bazaar",
      uri: `http://${SIWE_DOMAIN}/claim`,
      version: "1",
      chainId: 31337,
      nonce,
      issuedAt: new Date(now),
      expirationTime: new Date(now + 5 * 60_000),
      ...overrides,
    })
    return { message, signature: await account.signMessage({ message }) }
  }

  /** A fresh wallet linked (by SIWE) to the customer behind `token`. */
  async function linkedWallet(token: string, account = privateKeyToAccount(generatePrivateKey())) {
    const res = await api("POST", "/store/customers/me/wallets", { token, body: await siwe(account) })
    if (res.status !== 201) throw new Error(`linking failed: ${res.status} ${res.text}`)
    return account
  }

  /** Gas money for a collector who submits their own claim. */
  async function fund(address: Address) {
    await chain.send(chain.wallet.sendTransaction({ to: address, value: parseEther("1") }))
  }

  function walletClient(account: PrivateKeyAccount) {
    return createWalletClient({ account, chain: chain.publicClient.chain!, transport: viemHttp(chain.url) })
  }

  /** The claim code from the newest claim email to `email`. */
  async function claimCodeFor(email: string, offset = 0): Promise<string> {
    const rows = await sql(`SELECT text FROM email_outbox WHERE "to" = $1 AND event_name = $2 ORDER BY id DESC`, [email, TWIN_CLAIM_CODE_EMAIL])
    if (!rows[offset]) throw new Error(`no claim email ${offset} for ${email}`)
    return /code=([a-z2-7]{26})/.exec(rows[offset].text)![1]
  }

  return {
    chain: chain as TestChain,
    db: db as TestDatabase,
    medusa,
    seed,
    sql,
    api,
    siwe,
    linkedWallet,
    fund,
    walletClient,
    claimCodeFor,
    sha256: (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex"),
    async stop() {
      await medusa.stop()
      await Promise.all([chain.stop(), db.drop()])
    },
  }
}
