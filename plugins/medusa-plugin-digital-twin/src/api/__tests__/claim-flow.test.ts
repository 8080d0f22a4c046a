// Flow 2 end to end through the API: an order of a twin-eligible piece creates its twins and
// emails claim codes; the buyer proves a wallet with SIWE, claims (relayed, and by themselves),
// chain sync marks the mint, and the public provenance shows it, with no personal data anywhere.
import { pvaTwinAbi } from "@pva/contracts"
import { verifyMessage } from "viem"
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts"
import { adminToken } from "@pva/test-support/store"
import { buyTwinPiece, EMERALD_TRAITS, newCustomer, waitForTwin } from "../../../test-support/orders"
import { startTwinStack, SERVER_KEY, type TwinStack } from "../../../test-support/twin-stack"

let stack: TwinStack
let buyer: { email: string; token: string }
let order: any
let tokenIds: string[]
/** The twin claimed by relay, later transferred and attested. */
let relayedTokenId: string

beforeAll(async () => {
  stack = await startTwinStack()
  buyer = await newCustomer("collector")
  ;({ order, tokenIds } = await buyTwinPiece(stack, buyer, 2))
}, 300_000)
afterAll(async () => {
  await stack?.stop()
})

const tokenUri = (tokenId: string) =>
  stack.chain.publicClient.readContract({ address: stack.chain.twin.address, abi: pvaTwinAbi, functionName: "tokenURI", args: [BigInt(tokenId)] })

describe("an order of a twin-eligible piece", () => {
  it("creates one twin per unit with a unique token id and tag, waiting to be claimed in the buyer's account", async () => {
    expect(new Set(tokenIds).size).toBe(2)
    const mine = await stack.api("GET", "/store/customers/me/twins", { token: buyer.token })
    expect(mine.status).toBe(200)
    expect(mine.json.twins.map((t: any) => t.token_id).sort()).toEqual([...tokenIds].sort())
    for (const twin of mine.json.twins) {
      expect(twin).toMatchObject({ status: "issued", claimable: true, name: expect.stringMatching(/^Digital Twin: Emerald Piece /) })
      expect(twin.tag_id).toMatch(new RegExp(`-${twin.token_id.padStart(6, "0")}$`))
    }
  })

  it("serves content-addressed ERC-721 metadata and image from /ipfs with immutable caching", async () => {
    const { twin } = (await stack.api("GET", `/store/twins/${tokenIds[0]}`)).json
    const res = await fetch(`${stack.medusa.url}/ipfs/${twin.metadata_cid}`)
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("public, max-age=29030400, immutable")
    expect(res.headers.get("etag")).toBe(`"${twin.metadata_cid}"`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const metadata = JSON.parse(Buffer.from(bytes).toString("utf8"))
    expect(metadata.name).toBe(twin.name)
    expect(metadata.external_url).toBe(`http://localhost:8001/artifacts/${tokenIds[0]}`)
    expect(metadata.attributes).toEqual([
      ...Object.entries(EMERALD_TRAITS).map(([trait_type, value]) => ({ trait_type, value })),
      { trait_type: "Tag", value: twin.tag_id },
    ])
    expect(metadata.image).toBe(`ipfs://${twin.image_cid}`)
    // The CID is the sha2-256 of exactly these bytes: the digest recovered from the CID matches.
    const { digestFromCid } = await import("@pva/contracts")
    expect(digestFromCid(twin.metadata_cid)).toBe(`0x${stack.sha256(bytes)}`)
    expect((await fetch(`${stack.medusa.url}/ipfs/${twin.metadata_cid}`, { headers: { "if-none-match": `"${twin.metadata_cid}"` } })).status).toBe(304)
    const image = await fetch(`${stack.medusa.url}/ipfs/${twin.image_cid}`)
    expect(image.headers.get("content-type")).toMatch(/^image\/svg\+xml/)
    expect(digestFromCid(twin.image_cid)).toBe(`0x${stack.sha256(new Uint8Array(await image.arrayBuffer()))}`)
  })

  it("emails each claim code as a branded link to pvabazaar.org and stores only its hash", async () => {
    const [email] = await stack.sql(`SELECT subject, html, text FROM email_outbox WHERE "to" = $1 AND event_name = 'digital_twin.claim_code' ORDER BY id DESC`, [buyer.email])
    expect(email.subject).toMatch(/^Claim the digital twin of your Emerald Piece/)
    expect(email.html).toContain("#0f3b2d")
    expect(email.html).toContain("© PVA Bazaar".replace("©", "&copy;"))
    const code = await stack.claimCodeFor(buyer.email)
    expect(email.text).toContain(`http://localhost:8001/claim?code=${code}`)
    const stored = await stack.sql(`SELECT code_hash FROM digital_twin_claim_code`)
    expect(stored.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(stored)).not.toContain(code)
    const notifications = await stack.sql(`SELECT data FROM notification WHERE event_name = 'digital_twin.claim_code'`)
    expect(JSON.stringify(notifications)).not.toContain(code)
  })
})

describe("claiming", () => {
  const collector = privateKeyToAccount(generatePrivateKey())

  it("links a wallet proven by SIWE, which then signs in as the same customer", async () => {
    await stack.linkedWallet(buyer.token, collector)
    const wallets = await stack.api("GET", "/store/customers/me/wallets", { token: buyer.token })
    expect(wallets.json.wallets.map((w: any) => w.address)).toEqual([collector.address])

    const signIn = await stack.api("POST", "/store/wallet/verify", { body: await stack.siwe(collector) })
    expect(signIn.status).toBe(200)
    expect(signIn.json).toMatchObject({ address: collector.address, linked: true })
    const me = await stack.api("GET", "/store/customers/me", { token: signIn.json.access_token })
    expect(me.status).toBe(200)
    expect(me.json.customer.email).toBe(buyer.email)
  })

  it("relays a claim: the server pays gas, chain sync marks it minted to the wallet, tokenURI is the served CID", async () => {
    const code = await stack.claimCodeFor(buyer.email, 0)
    const res = await stack.api("POST", "/store/twins/claim", { token: buyer.token, body: { code, wallet: collector.address, mode: "relay" } })
    expect(res.status).toBe(200)
    expect(["submitted", "minted"]).toContain(res.json.twin.status)
    const tokenId = (relayedTokenId = res.json.twin.token_id)
    expect(res.json.twin.relay_tx_hash).toMatch(/^0x[0-9a-f]{64}$/)
    const minted = await waitForTwin(stack, tokenId, (t) => t.status === "minted", "relayed claim minted")
    expect(minted.owner).toBe(collector.address.toLowerCase())
    expect(await tokenUri(tokenId)).toBe(`ipfs://${minted.metadata_cid}`)
    expect(minted.token_uri).toBe(await tokenUri(tokenId))

    const again = await stack.api("POST", "/store/twins/claim", { token: buyer.token, body: { code, wallet: collector.address, mode: "relay" } })
    expect(again.status).toBe(200)
    expect(again.json.twin.status).toBe("minted")
    const transfers = await stack.sql(`SELECT count(*)::int AS n FROM digital_twin_event e JOIN digital_twin t ON t.id = e.twin_id WHERE t.token_id = $1 AND kind = 'minted'`, [tokenId])
    expect(transfers[0].n).toBe(1)
  })

  it("hands out a voucher the collector's wallet submits itself", async () => {
    const selfClaimer = privateKeyToAccount(generatePrivateKey())
    await stack.linkedWallet(buyer.token, selfClaimer)
    await stack.fund(selfClaimer.address)
    const code = await stack.claimCodeFor(buyer.email, 1)
    const res = await stack.api("POST", "/store/twins/claim", { token: buyer.token, body: { code, wallet: selfClaimer.address, mode: "self" } })
    expect(res.status).toBe(200)
    expect(res.json.twin.status).toBe("bound")
    const { claim } = res.json
    expect(claim.contract_address).toBe(stack.chain.twin.address)
    expect(Number(claim.voucher.deadline) - Date.now() / 1000).toBeGreaterThan(25 * 60)

    const retry = await stack.api("POST", "/store/twins/claim", { token: buyer.token, body: { code, wallet: selfClaimer.address, mode: "self" } })
    expect(retry.json.claim.signature).toBe(claim.signature)

    const voucher = { to: claim.voucher.to, tokenId: BigInt(claim.voucher.tokenId), metadataDigest: claim.voucher.metadataDigest, deadline: BigInt(claim.voucher.deadline) }
    const hash = await stack.walletClient(selfClaimer).writeContract({
      address: claim.contract_address,
      abi: pvaTwinAbi,
      functionName: "claim",
      args: [voucher, claim.signature],
      chain: stack.chain.publicClient.chain,
    })
    await stack.chain.publicClient.waitForTransactionReceipt({ hash })
    const minted = await waitForTwin(stack, res.json.twin.token_id, (t) => t.status === "minted", "self claim minted")
    expect(minted).toMatchObject({ owner: selfClaimer.address.toLowerCase(), mint_tx_hash: hash })
  })

  it("follows a transfer made directly on chain", async () => {
    const tokenId = relayedTokenId
    await stack.fund(collector.address)
    const next = privateKeyToAccount(generatePrivateKey()).address
    const hash = await stack.walletClient(collector).writeContract({
      address: stack.chain.twin.address,
      abi: pvaTwinAbi,
      functionName: "transferFrom",
      args: [collector.address, next, BigInt(tokenId)],
      chain: stack.chain.publicClient.chain,
    })
    await stack.chain.publicClient.waitForTransactionReceipt({ hash })
    await waitForTwin(stack, tokenId, (t) => t.owner === next.toLowerCase(), "transfer followed")
  })
})

describe("provenance", () => {
  it("lists created, sold, claim issued, minted, transferred and attested in order, with tx hash and block", async () => {
    const tokenId = relayedTokenId
    const admin = await adminToken()
    const [{ id }] = await stack.sql(`SELECT id FROM digital_twin WHERE token_id = $1`, [tokenId])
    const attested = await stack.api("POST", `/admin/twins/${id}/attest`, { token: admin, body: { kind: "APPRAISAL", statement: "Natural emerald, 2.5 ct, VS1" } })
    expect(attested.status).toBe(201)
    await stack.chain.publicClient.waitForTransactionReceipt({ hash: attested.json.attestation.tx_hash })

    const deadline = Date.now() + 20_000
    let events: any[] = []
    while (Date.now() < deadline) {
      events = (await stack.api("GET", `/store/twins/${tokenId}/provenance`)).json.events
      if (events.find((e) => e.kind === "attested")?.tx_hash) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(events.map((e) => e.kind)).toEqual(["created", "sold", "claim_issued", "minted", "transferred", "attested"])
    for (const e of events.filter((e) => ["minted", "transferred", "attested"].includes(e.kind))) {
      expect(e.tx_hash).toMatch(/^0x[0-9a-f]{64}$/)
      expect(e.block_number).toBeGreaterThan(0)
    }
    const attestation = events[5]
    expect(attestation.issuer).toBe(privateKeyToAccount(SERVER_KEY).address)
    expect(await verifyMessage({ address: attestation.issuer, message: attestation.message, signature: attestation.signature })).toBe(true)
  })

  it("public routes carry no personal data: no email, name, order or customer", async () => {
    const bodies = [
      (await stack.api("GET", "/store/twins?limit=100")).text,
      (await stack.api("GET", `/store/twins/${tokenIds[0]}`)).text,
      (await stack.api("GET", `/store/twins/${tokenIds[0]}/provenance`)).text,
      Buffer.from(await (await fetch(`${stack.medusa.url}/ipfs/${(await stack.api("GET", `/store/twins/${tokenIds[0]}`)).json.twin.metadata_cid}`)).arrayBuffer()).toString(),
    ]
    const [customer] = await stack.sql(`SELECT id, first_name, last_name FROM customer WHERE email = $1 AND has_account`, [buyer.email])
    const secrets = [buyer.email, customer.id, customer.first_name + " " + customer.last_name, order.id, order.pva_number, `"display_id"`, "Market Street"].filter(Boolean)
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(String(secret))
    const list = JSON.parse(bodies[0])
    expect(list.twins.length).toBeGreaterThan(0)
    // Each key on its own, at any depth of any answer (a nested buyer counts too).
    for (const twin of [...list.twins, JSON.parse(bodies[1]).twin]) {
      expect(["customer_id", "order_id", "claim_wallet"].filter((key) => key in twin)).toEqual([])
    }
    for (const body of bodies) {
      for (const key of ["customer_id", "order_id", "claim_wallet", "email"]) expect([key, body.includes(`"${key}"`)]).toEqual([key, false])
    }
  })

  it("answers bad input with a 4xx and a message", async () => {
    for (const [path, status] of [
      ["/store/twins/abc", 400],
      ["/store/twins/999999", 404],
      ["/store/twins/999999/provenance", 404],
      ["/store/twins?status=lost", 400],
      ["/store/twins?limit=0", 400],
      ["/ipfs/not-a-cid", 404],
      ["/store/customers/me/twins", 401],
      ["/store/customers/me/wallets", 401],
    ] as const) {
      const res = await stack.api("GET", path)
      expect([path, res.status]).toEqual([path, status])
      expect(typeof res.json?.message).toBe("string")
    }
    const admin = await adminToken()
    const [{ id }] = await stack.sql(`SELECT id FROM digital_twin WHERE token_id = $1`, [tokenIds[0]])
    for (const [method, path, body, status] of [
      ["POST", `/admin/twins/${id}/attest`, { kind: "", statement: "x" }, 400],
      ["POST", `/admin/twins/${id}/attest`, { kind: "APPRAISAL", statement: "" }, 400],
      ["POST", "/admin/twins/twin_missing/attest", { kind: "APPRAISAL", statement: "x" }, 404],
      ["GET", "/admin/twins/twin_missing", undefined, 404],
      ["POST", "/admin/twins/twin_missing/claim-code", undefined, 404],
      ["POST", `/admin/twins/products/${order.items[0].variant.product_id}`, { eligible: "yes" }, 400],
      ["POST", `/admin/twins/products/${order.items[0].variant.product_id}`, { eligible: true, traits: [{ trait_type: "", value: 1 }] }, 400],
      ["POST", "/admin/twins/products/prod_missing", { eligible: true }, 404],
    ] as const) {
      const res = await stack.api(method, path, { token: admin, body })
      expect([method, path, res.status]).toEqual([method, path, status])
      expect(typeof res.json?.message).toBe("string")
    }
  })
})
