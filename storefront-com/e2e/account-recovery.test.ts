import type { Page } from "playwright-core"
import { createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"
import {
  emailedLink, expectNoEmailIn, expectSessionOutOfReach, logIn, newPage as openPage, recordUrls, registerInBrowser, shop, shot, unique, useBrowser,
} from "./support"

const browser = useBrowser()

/** Submits the lookup form and returns the alert it then shows. */
async function submitLookup(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Find my order" }).click()
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>("form button[type=submit]")
    return button && !button.disabled && document.querySelector("p[role=alert]")
  })
  return (await page.locator("p[role=alert]").textContent()) ?? ""
}
const newPage = (ip?: string) => openPage(browser(), { ip })

describe("account recovery and guest orders in Chromium", () => {
  it("a forgotten password is reset through the emailed link, which works once", async () => {
    const { context, page } = await newPage()
    const email = `reset-${unique()}@example.com`
    const urls = recordUrls(page)
    await registerInBrowser(page, { first: "Rosa", last: "Forgetful", email, password: "old-password-1" })
    await page.getByRole("button", { name: "Log out" }).click()

    await page.getByRole("link", { name: "Forgot your password?" }).click()
    await page.getByRole("heading", { name: "Forgot your password?" }).waitFor()
    await page.getByLabel("Email").fill(email)
    await page.getByRole("button", { name: "Send me a link" }).click()
    await page.getByRole("status").filter({ hasText: `If an account uses ${email}` }).waitFor()
    await shot(page, "20-forgot-password")

    const link = await emailedLink(email, "/account/reset-password")
    await page.goto(link)
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor()
    expect(page.url()).toBe(`${shop()}/account/reset-password`) // the token left the address bar
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("New password", { exact: true }).fill("new-password-2")
    await page.getByLabel("New password again").fill("new-password-3")
    await page.getByRole("button", { name: "Set new password" }).click()
    await page.getByRole("alert").filter({ hasText: "The two passwords differ." }).waitFor()
    await page.getByLabel("New password again").fill("new-password-2")
    await page.getByRole("button", { name: "Set new password" }).click()
    await page.getByRole("heading", { name: "Password changed" }).waitFor()
    await shot(page, "21-password-changed")

    await logIn(page, email, "old-password-1")
    await page.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor()
    await logIn(page, email, "new-password-2")
    await page.getByRole("heading", { name: "Hello, Rosa" }).waitFor()
    await expectSessionOutOfReach(page, context)

    // The same link a second time changes nothing.
    await page.goto(link)
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("New password", { exact: true }).fill("hijacked-password-4")
    await page.getByLabel("New password again").fill("hijacked-password-4")
    await page.getByRole("button", { name: "Set new password" }).click()
    await page.getByRole("alert").filter({ hasText: /invalid or has expired/ }).waitFor()
    await shot(page, "22-reset-link-reused")
    expectNoEmailIn(urls, email)
    await context.close()
  })

  it("a guest finds their order by number and email, and nobody else can", async () => {
    const email = `lookup-${unique()}@example.com`
    const guest = storeClient("com")
    const { variantId } = await createStockedProduct(5, { title: `Lookup Agate ${unique()}` })
    const order = ((await guest.carts.complete(await readyCart(guest, { variantId, email }))) as any).data

    const { context, page } = await newPage("198.51.100.1")
    const urls = recordUrls(page)
    await page.goto(`${shop()}/order/lookup`)
    await page.getByLabel("Order number").fill(order.pva_number)
    await page.getByLabel("Email").fill(`someone-else-${unique()}@example.com`)
    const notFound = await submitLookup(page)
    expect(notFound).toMatch(/not found/i)
    expect(page.url()).toBe(`${shop()}/order/lookup`)
    await shot(page, "23-lookup-wrong-email")

    await page.getByLabel("Email").fill(email.toUpperCase())
    await page.getByRole("button", { name: "Find my order" }).click()
    await page.getByRole("heading", { name: `Order ${order.pva_number}` }).waitFor()
    await page.getByText(/Lookup Agate/).waitFor()
    expect(page.url()).toBe(`${shop()}/order/${order.id}`)
    await shot(page, "24-lookup-order")

    // A number that does not exist answers exactly like a wrong email.
    await page.goto(`${shop()}/order/lookup`)
    await page.getByLabel("Order number").fill("PVA-20000101-999999")
    await page.getByLabel("Email").fill(email)
    expect(await submitLookup(page)).toBe(notFound)
    expectNoEmailIn(urls, email)
    await context.close()

    // Another browser, knowing the order's id, sees nothing.
    const stranger = await newPage("198.51.100.2")
    const res = await stranger.page.goto(`${shop()}/order/${order.id}`)
    await stranger.page.getByText("We cannot show this order in this browser.").waitFor()
    expect(await stranger.page.getByText(/Lookup Agate/).count()).toBe(0)
    for (const path of [`/order/confirmed/${order.id}`, `/account/orders/${order.id}`]) {
      await stranger.page.goto(`${shop()}${path}`)
      await stranger.page.locator("p[role=alert]").waitFor()
      expect(await stranger.page.getByText(/Lookup Agate/).count()).toBe(0)
    }
    expect(res!.headers()["cache-control"]).toMatch(/no-store/)
    expect(res!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin")
    const account = await fetch(`${shop()}/account`)
    expect(account.headers.get("cache-control")).toMatch(/private.*no-store|no-store.*private/)
    await stranger.context.close()
  })

  it("a flood of lookups from one browser is stopped, and the shop's server names each browser to Medusa", async () => {
    const flooder = await newPage("198.51.100.66")
    await flooder.page.goto(`${shop()}/order/lookup`)
    let answer = ""
    for (let attempt = 0; attempt < 25 && !/Too many/.test(answer); attempt++) {
      await flooder.page.getByLabel("Order number").fill(`PVA-20000101-${String(attempt).padStart(6, "0")}`)
      await flooder.page.getByLabel("Email").fill(`flood-${attempt}-${unique()}@example.com`)
      answer = await submitLookup(flooder.page)
    }
    expect(answer).toMatch(/Too many order lookup attempts/)
    await shot(flooder.page, "25-lookup-flood")
    await flooder.context.close()

    // Another shopper behind the same storefront server is not locked out with the flooder.
    const neighbour = await newPage("198.51.100.67")
    await neighbour.page.goto(`${shop()}/order/lookup`)
    await neighbour.page.getByLabel("Order number").fill("PVA-20000101-000001")
    await neighbour.page.getByLabel("Email").fill(`neighbour-${unique()}@example.com`)
    expect(await submitLookup(neighbour.page)).toMatch(/not found/i)
    await neighbour.context.close()
  })
})
