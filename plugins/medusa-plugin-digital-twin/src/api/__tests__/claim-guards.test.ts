// The claim as an attacker sees it: concurrent claims of one code, replayed and forged SIWE
// messages, brute-forced codes, another customer's code or wallet, and a reorg that takes the
// mint away. All against a real chain, database and server with chain sync following.
import { pvaTwinAbi } from "@pva/contracts"
import { parseAbiItem } from "viem"
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts"
import { adminToken } from "@pva/test-support/store"
import { buyTwinPiece, newCustomer, waitForTwin } from "../../../test-support/orders"
import { startTwinStack, type TwinStack } from "../../../test-support/twin-stack"

let stack: TwinStack
beforeAll(async () => {
  stack = await startTwinStack()
}, 300_000)
afterAll(async () => {
  await stack?.stop()
})

const claim = (token: string | undefined, body: unknown) => stack.api("POST", "/store/twins/claim", { token, body })
const INVALID_CODE = "This claim code is not valid"

async function mintCount(tokenId: string) {
  const logs = await stack.chain.publicClient.getLogs({
    address: stack.chain.twin.address,
    event: parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)"),
    args: { from: "0x0000000000000000000000000000000000000000", tokenId: BigInt(tokenId) },
    fromBlock: 0n,
  })
  return logs.length
}

describe("concurrent claims", () => {
  it("20 claims of one code from 20 wallets at once: exactly one binds, one mint", async () => {
    const buyer = await newCustomer("race")
    const { tokenIds } = await buyTwinPiece(stack, buyer)
    const code = await stack.claimCodeFor(buyer.email)
    const wallets = []
    for (let i = 0; i < 20; i++) wallets.push(await stack.linkedWallet(buyer.token))
    const results = await Promise.all(wallets.map((w) => claim(buyer.token, { code, wallet: w.address, mode: "relay" })))
    const winners = results.filter((r) => r.status === 200)
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(19)
    for (const loser of results.filter((r) => r.status === 409)) expect(loser.json.message).toBe("This twin is already being claimed to another wallet")
    const winner = wallets[results.indexOf(winners[0])]
    const minted = await waitForTwin(stack, tokenIds[0], (t) => t.status === "minted", "the race's mint")
    expect(minted.owner).toBe(winner.address.toLowerCase())
    expect(await mintCount(tokenIds[0])).toBe(1)
    // The same wallet again is idempotent; a loser retrying still gets 409.
    expect((await claim(buyer.token, { code, wallet: winner.address, mode: "relay" })).status).toBe(200)
    expect((await claim(buyer.token, { code, wallet: wallets.find((w) => w !== winner)!.address, mode: "self" })).status).toBe(409)
  })
})

describe("wallet sign-in (SIWE)", () => {
  const account = privateKeyToAccount(generatePrivateKey())
  const verify = (body: unknown) => stack.api("POST", "/store/wallet/verify", { body })

  it("accepts a fresh message once: a replay, a reused nonce or an unknown nonce is refused", async () => {
    const signed = await stack.siwe(account)
    expect((await verify(signed)).json).toMatchObject({ address: account.address, linked: false })
    const replay = await verify(signed)
    expect(replay.status).toBe(400)
    expect(replay.json.message).toMatch(/nonce is unknown, expired or already used/)
    const reuse = await verify(await stack.siwe(account, { nonce: signed.message.match(/Nonce: (\w+)/)![1], statement: "again" }))
    expect(reuse.status).toBe(400)
    expect((await verify(await stack.siwe(account, { nonce: "a1b2c3d4e5f6a7b8" }))).status).toBe(400)
  })

  it("refuses expired, foreign-domain, wrong-chain, stale, off-domain uri, unexpiring and forged messages", async () => {
    const now = Date.now()
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["expired", { issuedAt: new Date(now - 120_000), expirationTime: new Date(now - 60_000) }, /expired/],
      ["foreign domain", { domain: "evil.example", uri: "https://evil.example/login" }, /domain evil.example/],
      ["wrong chain", { chainId: 1 }, /chain id must be 31337/],
      ["stale", { issuedAt: new Date(now - 60 * 60_000), expirationTime: new Date(now + 60_000) }, /too long ago/],
      ["uri elsewhere", { uri: "https://evil.example/claim" }, /uri must be on the message's domain/],
      ["no expiry", { expirationTime: undefined }, /expiration time/],
    ]
    for (const [what, overrides, message] of cases) {
      const res = await verify(await stack.siwe(account, overrides as any))
      expect([what, res.status, res.json.message]).toEqual([what, 400, expect.stringMatching(message)])
    }
    const { message } = await stack.siwe(account)
    const forged = await privateKeyToAccount(generatePrivateKey()).signMessage({ message })
    const res = await verify({ message, signature: forged })
    expect([res.status, res.json.message]).toEqual([400, "signature does not match the message and its address"])
    for (const body of [{}, { message: 42, signature: "0x" }, { message: "hello there, sign me in", signature: "nope" }]) {
      expect((await verify(body)).status).toBe(400)
    }
  })

  it("one wallet belongs to one customer; a customer can link several and unlink", async () => {
    const alice = await newCustomer("alice")
    const bob = await newCustomer("bob")
    const shared = await stack.linkedWallet(alice.token)
    const second = await stack.linkedWallet(alice.token)
    const stolen = await stack.api("POST", "/store/customers/me/wallets", { token: bob.token, body: await stack.siwe(shared) })
    expect([stolen.status, stolen.json.message]).toEqual([409, "This wallet is already linked to another account"])
    expect((await stack.api("DELETE", `/store/customers/me/wallets/${shared.address}`, { token: bob.token })).status).toBe(404)
    const list = await stack.api("GET", "/store/customers/me/wallets", { token: alice.token })
    expect(list.json.wallets.map((w: any) => w.address).sort()).toEqual([shared.address, second.address].sort())
    expect((await stack.api("DELETE", `/store/customers/me/wallets/${second.address}`, { token: alice.token })).status).toBe(200)
    expect((await stack.api("GET", "/store/customers/me/wallets", { token: alice.token })).json.wallets).toHaveLength(1)
    expect((await stack.api("POST", "/store/customers/me/wallets", { body: await stack.siwe(second) })).status).toBe(401)
  })

  it("a wallet sign-in lasts a day, names its wallet, and ends when that wallet is unlinked, even if linked again", async () => {
    const owner = await newCustomer("wallet-session")
    const wallet = await stack.linkedWallet(owner.token)
    const signIn = async () => (await verify(await stack.siwe(wallet))).json.access_token as string
    const walletToken = await signIn()
    const claims = JSON.parse(Buffer.from(walletToken.split(".")[1], "base64url").toString("utf8"))
    expect(claims).toMatchObject({ customer_id: expect.any(String), domain: "store", wallet: wallet.address })
    expect(claims.exp - claims.iat).toBe(24 * 3600)
    expect((await stack.api("GET", "/store/customers/me", { token: walletToken })).json.customer.email).toBe(owner.email)

    expect((await stack.api("DELETE", `/store/customers/me/wallets/${wallet.address}`, { token: owner.token })).status).toBe(200)
    const ended = await stack.api("GET", "/store/customers/me", { token: walletToken })
    expect(ended.status).toBe(401)
    expect((await stack.api("GET", "/store/customers/me/wallets", { token: walletToken })).status).toBe(401)
    // The account's own sign-in is untouched.
    expect((await stack.api("GET", "/store/customers/me", { token: owner.token })).status).toBe(200)

    // Linking the wallet again does not bring the old sign-in back (tokens know their issue time
    // to the second, hence the wait); a new one works.
    await new Promise((r) => setTimeout(r, 1000))
    await stack.linkedWallet(owner.token, wallet)
    expect((await stack.api("GET", "/store/customers/me", { token: walletToken })).status).toBe(401)
    expect((await stack.api("GET", "/store/customers/me", { token: await signIn() })).status).toBe(200)
  })
})

describe("claim guards", () => {
  it("another customer can neither see nor claim a twin, and learns nothing from trying", async () => {
    const owner = await newCustomer("owner")
    const other = await newCustomer("other")
    const { tokenIds } = await buyTwinPiece(stack, owner)
    const code = await stack.claimCodeFor(owner.email)
    const wallet = await stack.linkedWallet(other.token)
    const stolen = await claim(other.token, { code, wallet: wallet.address, mode: "self" })
    const unknown = await claim(other.token, { code: "a".repeat(26), wallet: wallet.address, mode: "self" })
    expect([stolen.status, stolen.json.message]).toEqual([400, INVALID_CODE])
    expect([unknown.status, unknown.json.message]).toEqual([400, INVALID_CODE])
    expect((await stack.api("GET", "/store/customers/me/twins", { token: other.token })).json.twins).toEqual([])
    expect((await stack.api("GET", "/store/customers/me/twins", { token: owner.token })).json.twins.map((t: any) => t.token_id)).toEqual(tokenIds)
  })

  it("needs a session and a wallet linked to it, and says what is wrong with bad input", async () => {
    const buyer = await newCustomer("inputs")
    await buyTwinPiece(stack, buyer)
    const code = await stack.claimCodeFor(buyer.email)
    const linked = await stack.linkedWallet(buyer.token)
    const notLinked = privateKeyToAccount(generatePrivateKey()).address
    expect((await claim(undefined, { code, wallet: linked.address })).status).toBe(401)
    const cases: Array<[unknown, RegExp]> = [
      [{ code, wallet: notLinked }, /Link this wallet/],
      [{ wallet: linked.address }, /code must be/],
      [{ code, wallet: "0x1234" }, /wallet must be/],
      [{ code, wallet: linked.address, mode: "fast" }, /mode must be/],
      [[code], /JSON object/],
    ]
    for (const [body, message] of cases) {
      const res = await claim(buyer.token, body)
      expect([res.status, res.json.message]).toEqual([400, expect.stringMatching(message)])
    }
  })

  it("brute-forcing codes ends in 429 with Retry-After", async () => {
    const attacker = await newCustomer("brute")
    const wallet = await stack.linkedWallet(attacker.token)
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const guess = generatePrivateKey().slice(2, 28).replace(/[0189]/g, "a")
      statuses.push((await claim(attacker.token, { code: guess, wallet: wallet.address })).status)
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true)
    const limited = await claim(attacker.token, { code: "b".repeat(26), wallet: wallet.address })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0)
  })

  it("admin revokes a code (it stops working) and re-sends a new one (it works)", async () => {
    const buyer = await newCustomer("resend")
    const { tokenIds } = await buyTwinPiece(stack, buyer)
    const old = await stack.claimCodeFor(buyer.email)
    const [{ id }] = await stack.sql(`SELECT id FROM digital_twin WHERE token_id = $1`, [tokenIds[0]])
    const admin = await adminToken()
    expect((await stack.api("DELETE", `/admin/twins/${id}/claim-code`, { token: admin })).json).toEqual({ revoked: 1 })
    const wallet = await stack.linkedWallet(buyer.token)
    expect((await claim(buyer.token, { code: old, wallet: wallet.address })).json.message).toBe(INVALID_CODE)
    expect((await stack.api("POST", `/admin/twins/${id}/claim-code`, { token: admin })).json).toEqual({ sent_to: buyer.email })
    const fresh = await stack.claimCodeFor(buyer.email)
    expect(fresh).not.toBe(old)
    expect((await claim(buyer.token, { code: fresh, wallet: wallet.address })).status).toBe(200)
    expect((await stack.api("POST", `/admin/twins/${id}/claim-code`)).status).toBe(401)
  })

  it("re-issues an expired voucher of an unminted twin", async () => {
    const buyer = await newCustomer("expired")
    const { tokenIds } = await buyTwinPiece(stack, buyer)
    const code = await stack.claimCodeFor(buyer.email)
    const wallet = await stack.linkedWallet(buyer.token)
    const first = await claim(buyer.token, { code, wallet: wallet.address, mode: "self" })
    await stack.sql(`UPDATE digital_twin SET voucher_deadline = 1000 WHERE token_id = $1`, [tokenIds[0]])
    const second = await claim(buyer.token, { code, wallet: wallet.address, mode: "self" })
    expect(second.status).toBe(200)
    expect(Number(second.json.claim.voucher.deadline)).toBeGreaterThan(Date.now() / 1000 + 25 * 60)
    expect(first.json.claim.signature).toMatch(/^0x[0-9a-f]{130}$/)
    const issued = (await stack.api("GET", `/store/twins/${tokenIds[0]}/provenance`)).json.events.filter((e: any) => e.kind === "claim_issued")
    expect(issued).toHaveLength(2)
    const [stored] = await stack.sql(`SELECT voucher_deadline::text AS d FROM digital_twin WHERE token_id = $1`, [tokenIds[0]])
    expect(stored.d).toBe(second.json.claim.voucher.deadline)
  })
})

describe("a reorg", () => {
  it("that removes the mint rolls the twin back; the re-mint lands once", async () => {
    const buyer = await newCustomer("reorg")
    const { tokenIds } = await buyTwinPiece(stack, buyer)
    const tokenId = tokenIds[0]
    const code = await stack.claimCodeFor(buyer.email)
    const wallet = await stack.linkedWallet(buyer.token)
    const snapshot = await stack.chain.testClient.snapshot()
    expect((await claim(buyer.token, { code, wallet: wallet.address, mode: "relay" })).status).toBe(200)
    await waitForTwin(stack, tokenId, (t) => t.status === "minted", "first mint")

    await stack.chain.testClient.revert({ id: snapshot })
    await stack.chain.evmMine(3)
    const rolledBack = await waitForTwin(stack, tokenId, (t) => t.status !== "minted", "mint rolled back")
    expect(rolledBack).toMatchObject({ owner: null, mint_tx_hash: null })
    const mine = (await stack.api("GET", "/store/customers/me/twins", { token: buyer.token })).json.twins[0]
    expect(mine).toMatchObject({ status: "bound", claim_wallet: wallet.address.toLowerCase() })
    expect((await stack.api("GET", `/store/twins/${tokenId}/provenance`)).json.events.map((e: any) => e.kind)).not.toContain("minted")

    const again = await claim(buyer.token, { code, wallet: wallet.address, mode: "relay" })
    expect(again.status).toBe(200)
    await waitForTwin(stack, tokenId, (t) => t.status === "minted", "re-mint")
    expect(await mintCount(tokenId)).toBe(1)
    const kinds = (await stack.api("GET", `/store/twins/${tokenId}/provenance`)).json.events.map((e: any) => e.kind)
    expect(kinds.filter((k: string) => k === "minted")).toHaveLength(1)
    const owner = await stack.chain.publicClient.readContract({ address: stack.chain.twin.address, abi: pvaTwinAbi, functionName: "ownerOf", args: [BigInt(tokenId)] })
    expect(owner).toBe(wallet.address)
  })
})

describe("a chain whose clock runs ahead of the server's", () => {
  // A development chain moved forward (evm_increaseTime, as the market's auction journeys do)
  // judges a voucher's deadline by its own clock: one dated from the server's would be expired.
  it("signs vouchers dated from the chain's clock, so the claim still mints", async () => {
    const buyer = await newCustomer("ahead")
    const { tokenIds } = await buyTwinPiece(stack, buyer)
    const code = await stack.claimCodeFor(buyer.email)
    const wallet = await stack.linkedWallet(buyer.token)
    await stack.chain.testClient.increaseTime({ seconds: 2 * 3600 })
    await stack.chain.testClient.mine({ blocks: 1 })
    const chainNow = Number((await stack.chain.publicClient.getBlock({ blockTag: "latest" })).timestamp)

    const res = await claim(buyer.token, { code, wallet: wallet.address, mode: "relay" })
    expect(res.status).toBe(200)
    expect(Number(res.json.claim.voucher.deadline)).toBeGreaterThan(chainNow + 25 * 60)
    const minted = await waitForTwin(stack, tokenIds[0], (t) => t.status === "minted", "the mint on a chain ahead of the server")
    expect(minted.owner).toBe(wallet.address.toLowerCase())
  })
})

describe("a flood of wallet sign-in requests", () => {
  // Last in this file: it uses up the client's sign-in allowance for the minute.
  it("ends in 429 with Retry-After", async () => {
    const statuses: number[] = []
    let limited: Awaited<ReturnType<TwinStack["api"]>> | undefined
    for (let i = 0; i < 201 && !limited; i++) {
      const res = await stack.api("POST", "/store/wallet/nonce")
      statuses.push(res.status)
      if (res.status === 429) limited = res
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true)
    expect(limited?.json.message).toMatch(/Too many wallet sign-in requests/)
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0)
    expect((await stack.api("POST", "/store/wallet/verify", { body: {} })).status).toBe(429)
  })
})
