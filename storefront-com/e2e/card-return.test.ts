import { createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"
import { confirmInBrowser, TEST_PAYMENT_METHODS } from "@pva/test-support/stripe-stand-in"
import { newPage, shop, shot, unique, useBrowser } from "./support"

const browser = useBrowser()
const stripe = { url: process.env.PVA_STRIPE_URL as string }

/**
 * The shopper comes back from Stripe's 3-D Secure page to /checkout with Stripe's three
 * parameters. Browsers cannot load Stripe.js offline, so the card is confirmed as Stripe.js
 * would (the stand-in's API) and the browser takes over at the bank's page.
 */
async function cartWaitingForTheBank() {
  const { variantId } = await createStockedProduct(5)
  const client = storeClient("com")
  const cartId = await readyCart(client, { variantId, email: `card-${unique()}@example.com`, provider: "stripe" })
  const { cart } = await client.carts.retrieve(cartId)
  const secret = (cart as any).payment_session.data.client_secret as string
  const confirmed = await confirmInBrowser(stripe, secret, TEST_PAYMENT_METHODS.threeDSecure, `${shop()}/checkout?cart=${cartId}`)
  expect(confirmed.body.status).toBe("requires_action")
  return { cartId, challengeUrl: confirmed.body.next_action.redirect_to_url.url as string }
}

describe("coming back from 3-D Secure on pvabazaar.com", () => {
  it("a passed challenge lands on the order confirmation", async () => {
    const { page } = await newPage(browser())
    const { challengeUrl } = await cartWaitingForTheBank()
    await page.goto(challengeUrl)
    await page.waitForURL(/\/order\/confirmed\//, { timeout: 60_000 })
    expect(await page.getByTestId("pva-number").textContent()).toMatch(/^PVA-\d{8}-\d{6}$/)
    await shot(page, "40-card-return-confirmed")
  })

  it("a failed challenge shows the decline on the payment step, not the address form", async () => {
    const { page } = await newPage(browser())
    const { cartId, challengeUrl } = await cartWaitingForTheBank()
    await page.goto(`${shop()}/cart`)
    await page.evaluate((id) => window.localStorage.setItem("pva_cart", id), cartId) // the shopper's own cart
    await page.goto(`${challengeUrl}?outcome=fail`)
    await page.getByTestId("card-declined").waitFor()
    expect(await page.getByTestId("card-declined").textContent()).toMatch(/not completed.*Nothing was charged/)
    expect(await page.locator('[aria-current="step"]').textContent()).toMatch(/Payment/)
    expect(await page.getByRole("form", { name: "Shipping address" }).count()).toBe(0)
    expect(new URL(page.url()).search).toBe("") // Stripe's parameters left the address bar
    await shot(page, "41-card-return-declined")
  })
})
