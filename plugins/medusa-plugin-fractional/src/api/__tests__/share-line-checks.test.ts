// Who may put shares in a cart, for the cases that need no wallet: every refusal is a 4xx
// that says why, and ordinary products are not affected.
import { registerCustomer, testSeed } from "@pva/test-support/store"
import { addLine, admin, linkWallet, openOffering, orgCart, store, testChain } from "../../../test-support/fractional"
import { waitFor } from "@pva/test-support/wait"

let offering: any
beforeAll(async () => {
  offering = await openOffering({ total_shares: 50, investor_cap: 10 })
})

it("anonymous shoppers are asked to log in", async () => {
  const res = await addLine(undefined, await orgCart(), offering.variant_id, 1)
  expect(res.status).toBe(401)
  expect(res.json.message).toMatch(/Log in to buy shares/)
})

it("a customer without KYC approval is told to apply, then that the application is pending", async () => {
  const token = await registerCustomer(`nokyc-${Date.now()}@example.com`)
  const cartId = await orgCart(token)
  const res = await addLine(token, cartId, offering.variant_id, 1)
  expect(res.status).toBe(400)
  expect(res.json.message).toMatch(/needs KYC approval: submit your application first/)
  await store("POST", "/store/customers/me/kyc", { token, body: { legal_name: "Pat Pending", country_code: "fr", date_of_birth: "1970-03-03" } })
  const pending = await addLine(token, cartId, offering.variant_id, 1)
  expect(pending.status).toBe(400)
  expect(pending.json.message).toMatch(/your application is pending/)
})

it("an approved customer with no linked wallet is told to link one", async () => {
  const token = await registerCustomer(`nowallet-${Date.now()}@example.com`)
  const submitted = await store("POST", "/store/customers/me/kyc", { token, body: { legal_name: "Noa Wallet", country_code: "nl", date_of_birth: "1975-05-05" } })
  const decided = await admin("POST", `/admin/kyc/applications/${submitted.json.kyc.application.id}/decision`, { decision: "approved", note: "ok" })
  expect(decided.json.eligibility).toEqual([])
  const res = await addLine(token, await orgCart(token), offering.variant_id, 1)
  expect(res.status).toBe(400)
  expect(res.json.message).toMatch(/None of your linked wallets is eligible to hold shares/)

  // a wallet linked after approval becomes eligible on chain when linked, and stops being when unlinked
  const account = await linkWallet(token)
  await waitFor(() => testChain().isEligible(account.address), 10_000, "the linked wallet to become eligible")
  expect((await addLine(token, await orgCart(token), offering.variant_id, 1)).status).toBe(200)
  expect((await store("DELETE", `/store/customers/me/wallets/${account.address}`, { token })).status).toBeLessThan(300)
  await waitFor(async () => !(await testChain().isEligible(account.address)), 10_000, "the unlinked wallet to become ineligible")
})

it.each([0, -2, 2.5, "3"])("quantity %p is refused with a message", async (quantity) => {
  const token = await registerCustomer(`qty-${Date.now()}${Math.random().toString(36).slice(2, 5)}@example.com`)
  const res = await addLine(token, await orgCart(token), offering.variant_id, quantity)
  expect(res.status).toBe(400)
  expect(res.json.message).toMatch(/quantity must be a whole number/)
})

it("a closed offering's shares are not for sale to anyone", async () => {
  const closed = await openOffering({ total_shares: 10 })
  await admin("POST", `/admin/offerings/${closed.id}/close`)
  const res = await addLine(undefined, await orgCart(), closed.variant_id, 1)
  expect(res.status).toBe(400)
  expect(res.json.message).toMatch(/is closed: its shares are not for sale/)
})

it("ordinary products go into carts as before", async () => {
  const products = (await store("GET", "/store/products?handle=amradjet-emerald-pendant", { key: testSeed().publishableKeys.org })).json.products
  const res = await addLine(undefined, await orgCart(), products[0].variants[0].id, 1)
  expect(res.status).toBe(200)
})
