import { testSeed } from "@pva/test-support/store"
import { admin, SERVER_SIGNER, store, testChain } from "../../../test-support/fractional"

const draft = (over: Record<string, unknown> = {}) => ({
  title: `Test Vault Piece ${Math.random().toString(36).slice(2, 8)}`,
  twin_token_id: 7,
  total_shares: 100,
  prices: { usd: 625, eur: 579 },
  investor_cap: 20,
  ...over,
})

describe("admin offerings", () => {
  it("needs an admin", async () => {
    expect((await store("GET", "/admin/offerings")).status).toBe(401)
    expect((await store("POST", "/admin/offerings", { body: draft() })).status).toBe(401)
  })

  it.each([
    [{ total_shares: 9 }, /total_shares must be a whole number from 10 to 10000/],
    [{ total_shares: 10_001 }, /total_shares/],
    [{ total_shares: 12.5 }, /total_shares/],
    [{ total_shares: "100" }, /total_shares/],
    [{ prices: { usd: 0, eur: 579 } }, /prices.usd/],
    [{ prices: { usd: -5, eur: 579 } }, /prices.usd/],
    [{ prices: { usd: 625 } }, /prices.eur/],
    [{ investor_cap: 0 }, /investor_cap/],
    [{ investor_cap: 101 }, /investor_cap must be a whole number from 1 to 100/],
    [{ lockup_until: "next tuesday" }, /lockup_until must be an ISO date/],
    [{ lockup_until: "2001-01-01" }, /lockup_until must be in the future/],
    [{ twin_token_id: undefined, artifact_product_id: undefined }, /Name the artifact/],
    [{ twin_token_id: undefined, artifact_product_id: "prod_nope" }, /is not a product/],
    [{ title: "" }, /title/],
  ])("refuses %j with a 400 that says why", async (over, message) => {
    const res = await admin("POST", "/admin/offerings", draft(over))
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
  })

  it("opens a draft on chain with the issuer key and sells it as a product on pvabazaar.org only", async () => {
    const created = await admin("POST", "/admin/offerings", draft({ lockup_until: "2030-01-01T00:00:00Z" }))
    expect(created.status).toBe(201)
    expect(created.json.offering).toMatchObject({ status: "draft", total_shares: 100, remaining: 100, chain_offering_id: null, product_id: null })

    const opened = await admin("POST", `/admin/offerings/${created.json.offering.id}/open`)
    expect(opened.status).toBe(200)
    const offering = opened.json.offering
    expect(offering).toMatchObject({ status: "open", open_error: null })
    expect(offering.open_tx_hash).toMatch(/^0x[0-9a-f]{64}$/)

    const chain = testChain()
    expect(await chain.maxShares(offering.chain_offering_id)).toBe(100)
    expect(Number(await chain.read("twinOf", [BigInt(offering.chain_offering_id)]))).toBe(7)
    expect(Number(await chain.read("lockupUntil", [BigInt(offering.chain_offering_id)]))).toBe(Date.parse("2030-01-01T00:00:00Z") / 1000)

    const { product } = (await admin("GET", `/admin/products/${offering.product_id}?expand=type,sales_channels,variants,variants.prices`)).json
    expect(product.type.value).toBe("Fractional share")
    expect(product.sales_channels.map((c: any) => c.id)).toEqual([testSeed().salesChannels.org])
    expect(product.variants).toHaveLength(1)
    expect(product.variants[0].id).toBe(offering.variant_id)
    const prices = Object.fromEntries(product.variants[0].prices.map((p: any) => [p.currency_code, p.amount]))
    expect(prices).toEqual({ usd: 625, eur: 579 })

    // pvabazaar.com does not list it
    const com = await store("GET", `/store/products?id=${offering.product_id}`, { key: testSeed().publishableKeys.com })
    expect(com.json.products).toHaveLength(0)
    const org = await store("GET", `/store/products?id=${offering.product_id}`, { key: testSeed().publishableKeys.org })
    expect(org.json.products).toHaveLength(1)

    // opening twice is refused, the chain keeps one offering
    const again = await admin("POST", `/admin/offerings/${offering.id}/open`)
    expect(again.status).toBe(400)
    expect(again.json.message).toMatch(/only a draft can be opened/)
  })

  it("a failed createOffering leaves the offering a draft with the error, and opening later works", async () => {
    const chain = testChain()
    const created = (await admin("POST", "/admin/offerings", draft())).json.offering
    await chain.setRole("ISSUER_ROLE", SERVER_SIGNER, false)
    try {
      const failed = await admin("POST", `/admin/offerings/${created.id}/open`)
      expect(failed.status).toBe(502)
      expect(failed.json.message).toMatch(/createOffering failed.*AccessControlUnauthorizedAccount/)
      const after = (await admin("GET", `/admin/offerings/${created.id}`)).json.offering
      expect(after).toMatchObject({ status: "draft", product_id: null })
      expect(after.open_error).toMatch(/AccessControlUnauthorizedAccount/)
      expect(await chain.maxShares(after.chain_offering_id)).toBe(0)
    } finally {
      await chain.setRole("ISSUER_ROLE", SERVER_SIGNER, true)
    }
    const opened = await admin("POST", `/admin/offerings/${created.id}/open`)
    expect(opened.status).toBe(200)
    expect(opened.json.offering).toMatchObject({ status: "open", open_error: null })
  })

  it("a closed offering stays closed and cannot be reopened", async () => {
    const created = (await admin("POST", "/admin/offerings", draft())).json.offering
    await admin("POST", `/admin/offerings/${created.id}/open`)
    const closed = await admin("POST", `/admin/offerings/${created.id}/close`)
    expect(closed.json.offering.status).toBe("closed")
    expect((await admin("POST", `/admin/offerings/${created.id}/open`)).status).toBe(400)
    expect((await admin("POST", `/admin/offerings/nope/close`)).status).toBe(404)
  })
})
