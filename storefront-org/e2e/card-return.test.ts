import { createStockedProduct, readyCart, registerCustomer, storeClient } from "@pva/test-support/store"
import { newPage, shot, signIn, site, unique, useBrowser } from "./support"

const browser = useBrowser()
const PASSWORD = "card-return-pass-1"

/**
 * The collector comes back to /checkout from Stripe's redirect (3-D Secure) with Stripe's three
 * parameters. Browsers cannot load Stripe.js offline and this suite's server runs the manual
 * provider, so the cart is one the collector could pay; what is tested is the return page.
 */
async function collectorWithCart() {
  const email = `collector-${unique()}@example.com`
  const token = await registerCustomer(email, PASSWORD)
  const { variantId } = await createStockedProduct(5, { channel: "org" })
  const cartId = await readyCart(storeClient("org", { token }), { variantId, email })
  const { context, page } = await newPage(browser())
  await page.goto(`${site()}/account`)
  await signIn(page, email, PASSWORD)
  await page.getByTestId("profile").waitFor()
  await context.addCookies([{ name: "pva_org_cart", value: cartId, url: site() }])
  return page
}

const back = (status: string) =>
  `${site()}/checkout?payment_intent=pi_3Return&payment_intent_client_secret=pi_3Return_secret_e2e&redirect_status=${status}`

describe("coming back from 3-D Secure on pvabazaar.org", () => {
  it("a passed challenge places the order", async () => {
    const page = await collectorWithCart()
    await page.goto(back("succeeded"))
    await page.waitForURL(/\/order\/[^/?]+$/, { timeout: 60_000 })
    await page.getByRole("heading", { name: "Thank you: your order is placed" }).waitFor()
    await shot(page, "card-return-placed")
  })

  it("a failed challenge shows the decline and keeps the cart", async () => {
    const page = await collectorWithCart()
    await page.goto(back("failed"))
    await page.getByTestId("card-declined").waitFor()
    expect(await page.getByTestId("card-declined").textContent()).toMatch(/not completed.*Nothing was charged/)
    expect(await page.getByRole("list", { name: "Your cart" }).count()).toBe(1)
    await shot(page, "card-return-declined")
  })
})
