import { adminToken, createStockedProduct, http } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"
import {
  answerQuiz, emailedLink, expectNoEmailIn, expectSessionOutOfReach, fillAddress, logIn, newPage as openPage,
  placeOrder, recordUrls, registerInBrowser, shop, shot, unique, useBrowser,
} from "./support"

const browser = useBrowser()
const newPage = () => openPage(browser())

describe("pvabazaar.com in Chromium", () => {
  it("quiz → recommendations → product → cart → checkout → PVA number → account → order history", async () => {
    const { context, page } = await newPage()
    const email = `journey-${unique()}@example.com`
    const urls = recordUrls(page)

    await page.goto(shop())
    await page.getByRole("heading", { name: "Gems with a story you can trace" }).waitFor()
    await shot(page, "01-home")

    // Guardian-leaning questions (1 and 3) at 5, everything else at 1.
    await answerQuiz(page, (position) => (position === 1 || position === 3 ? 5 : 1))
    await page.waitForURL(/\/quiz\/result$/)
    await expect(page.getByTestId("archetype-name").textContent()).resolves.toBe("Guardian")
    await expect(page.getByTestId("score-guardian").textContent()).resolves.toMatch(/69$/)
    const picks = page.getByTestId("recommendations").getByTestId("product-card")
    await picks.first().waitFor()
    expect(await picks.count()).toBeGreaterThanOrEqual(4)
    await shot(page, "02-quiz-result")

    await page.getByTestId("recommendations").getByRole("link", { name: /Amradjet Emerald Pendant/ }).click()
    await page.getByRole("heading", { name: "Amradjet Emerald Pendant" }).waitFor()
    await expect(page.getByTestId("price").first().textContent()).resolves.toBe("$625.00")
    await page.getByText("Includes a digital twin").waitFor()
    await expect(page.getByTestId("partner").textContent()).resolves.toMatch(/Lukuni Cooperative/)
    await page.getByRole("heading", { name: "Goes well with" }).waitFor()
    await shot(page, "03-product")

    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    await page.getByRole("link", { name: "Cart, 1 item" }).click()
    await page.getByTestId("cart-item").filter({ hasText: "Amradjet Emerald Pendant" }).waitFor()
    await expect(page.getByTestId("total-subtotal").textContent()).resolves.toBe("$625.00")
    await shot(page, "04-cart")

    await page.getByRole("link", { name: "Check out" }).click()
    await fillAddress(page, { Email: email, "Postal code": "ABC" })
    await page.getByRole("button", { name: "Continue to shipping" }).click()
    await page.getByText('"ABC" is not a valid postal code for US').waitFor()
    expect(await page.getByRole("button", { name: "Continue to payment" }).count()).toBe(0) // flagged before payment
    await shot(page, "05-invalid-address")

    await page.getByLabel("Postal code", { exact: true }).fill("94105")
    await page.getByRole("button", { name: "Continue to shipping" }).click()
    await page.getByRole("button", { name: "Continue to payment" }).click()
    await page.getByRole("button", { name: "Continue to review" }).click()
    await page.getByRole("heading", { name: "Review your order" }).waitFor()
    await page.getByRole("button", { name: "Place order" }).click()
    await page.waitForURL(/\/order\/confirmed\//)
    const pvaNumber = (await page.getByTestId("pva-number").textContent())!
    expect(pvaNumber).toMatch(/^PVA-\d{8}-\d{6}$/)
    await shot(page, "06-confirmation")

    await page.getByRole("link", { name: "Create an account" }).click()
    await page.getByLabel("First name").fill("Ada")
    await page.getByLabel("Last name").fill("Shopper")
    await expect(page.getByLabel("Email", { exact: true }).nth(1).inputValue()).resolves.toBe(email) // from the httpOnly order cookie
    await page.getByLabel("Password", { exact: true }).nth(1).fill("journey-password-1")
    await page.getByRole("button", { name: "Create account" }).click()
    await page.getByRole("heading", { name: "Hello, Ada" }).waitFor()
    await expect(page.getByTestId("my-archetype").textContent()).resolves.toMatch(/^Guardian/) // the anonymous result followed her
    // Anyone can register with someone else's email: the guest order joins only once the address is proven.
    await page.getByTestId("verify-email-notice").waitFor()
    await page.getByText("No orders yet.").waitFor()
    expect(await page.getByTestId("order-row").count()).toBe(0)
    await expectSessionOutOfReach(page, context)
    await shot(page, "07-account-unverified")

    const link = await emailedLink(email, "/account/verify-email")
    expect(link.startsWith(`${shop()}/account/verify-email?token=`)).toBe(true)
    await page.goto(link)
    await page.getByRole("heading", { name: "Your email is verified" }).waitFor()
    await page.getByTestId("order-row").filter({ hasText: pvaNumber }).waitFor()
    expect(page.url()).toBe(`${shop()}/account/verify-email`) // the token left the address bar
    await shot(page, "07b-email-verified")
    await page.goto(link) // a verification link works once
    await page.getByRole("heading", { name: "Email not verified" }).waitFor()
    await page.goto(`${shop()}/account`)
    await page.getByTestId("order-row").filter({ hasText: pvaNumber }).waitFor()
    expect(await page.getByTestId("verify-email-notice").count()).toBe(0)
    await shot(page, "07c-account-history")

    await page.getByRole("link", { name: pvaNumber }).click()
    await page.getByRole("heading", { name: `Order ${pvaNumber}` }).waitFor()
    await page.getByText("Amradjet Emerald Pendant").waitFor()

    // Logging out and back in finds the same order.
    await page.goto(`${shop()}/account`)
    await page.getByRole("button", { name: "Log out" }).click()
    await page.getByRole("button", { name: "Log in" }).waitFor()
    expect((await context.cookies()).some((c) => c.name === "pva_session" && c.value)).toBe(false)
    await logIn(page, email, "journey-password-1")
    await page.getByTestId("order-row").filter({ hasText: pvaNumber }).waitFor()
    await shot(page, "08-logged-in-history")
    expectNoEmailIn(urls, email) // no URL the browser asked for, and no Referer it sent, names her
    await context.close()
  })

  it("a signed-in customer's checkout stays theirs: the order is in their history at once", async () => {
    const { context, page } = await newPage()
    const email = `member-${unique()}@example.com`
    await registerInBrowser(page, { first: "Mina", last: "Member", email, password: "member-password-1" })
    await page.goto(`${shop()}/products/malachite-fish`)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    await page.goto(`${shop()}/checkout`)
    // The form fills in from the signed-in account once the page has loaded it.
    const emailField = page.getByLabel("Email", { exact: true })
    await waitFor(async () => (await emailField.inputValue()) === email, 15_000, "the checkout's email filled in from the account").catch(() => undefined)
    expect(await emailField.inputValue()).toBe(email)
    const pvaNumber = await placeOrder(page, { Email: email, "First name": "Mina", "Last name": "Member" })
    expect(await page.getByRole("link", { name: "Create an account" }).count()).toBe(0)
    await page.goto(`${shop()}/account`)
    await page.getByTestId("order-row").filter({ hasText: pvaNumber }).waitFor() // no verification needed for her own checkout
    await shot(page, "13-member-order")
    await context.close()
  })

  it("a customer edits their profile and address book", async () => {
    const { context, page } = await newPage()
    const email = `profile-${unique()}@example.com`
    await registerInBrowser(page, { first: "Grace", last: "Collector", email, password: "profile-password-1" })
    await page.getByText("You have not taken the quiz yet.").waitFor()

    await page.getByLabel("Phone").fill("+1 415 555 0100")
    await page.getByRole("button", { name: "Save profile" }).click()
    await page.getByRole("status").filter({ hasText: "Profile saved." }).waitFor()

    const book = page.getByRole("form", { name: "Add an address" })
    for (const [label, value] of [["first name", "Grace"], ["last name", "Collector"], ["address", "9 Gem Street"], ["city", "Austin"], ["province", "TX"], ["postal code", "ABC"]]) {
      await book.getByLabel(label, { exact: true }).fill(value)
    }
    await book.getByRole("button", { name: "Add address" }).click()
    await book.getByText('"ABC" is not a valid postal code for US').waitFor()
    await book.getByLabel("postal code", { exact: true }).fill("78701")
    await book.getByRole("button", { name: "Add address" }).click()
    await page.getByText("Grace Collector, 9 Gem Street, 78701 Austin, US").waitFor()
    await shot(page, "12-profile-addresses")

    await page.reload()
    await page.getByText("Grace Collector, 9 Gem Street, 78701 Austin, US").waitFor() // kept by Medusa, not the page
    await expect(page.getByLabel("Phone").inputValue()).resolves.toBe("+1 415 555 0100")
    await context.close()
  })

  it("a wrong password shows an error and logs nobody in", async () => {
    const { context, page } = await newPage()
    await logIn(page, "shopper@pvabazaar.local", "not-the-password")
    await page.getByRole("alert").filter({ hasText: "Wrong email or password." }).waitFor()
    expect(await page.getByRole("button", { name: "Log out" }).count()).toBe(0)
    await shot(page, "09-wrong-password")
    await context.close()
  })

  it("an out-of-stock piece cannot be added, even when it sells out after the page loaded", async () => {
    const { context, page } = await newPage()
    const soldOut = await createStockedProduct(0, { title: `Sold Out Geode ${unique()}` })
    await page.goto(`${shop()}/products/${soldOut.handle}`)
    await expect(page.getByTestId("stock").textContent()).resolves.toBe("Sold out")
    expect(await page.getByRole("button", { name: "Sold out" }).isDisabled()).toBe(true)
    await shot(page, "10-sold-out")

    const lastOne = await createStockedProduct(1, { title: `Last Geode ${unique()}` })
    await page.goto(`${shop()}/products/${lastOne.handle}`)
    await page.getByRole("button", { name: "Add to cart" }).waitFor()
    const token = await adminToken()
    await http("POST", `/admin/products/${lastOne.productId}/variants/${lastOne.variantId}`, {
      body: { inventory_quantity: 0 },
      headers: { authorization: `Bearer ${token}` },
    })
    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: /required inventory/i }).waitFor()
    expect(await page.getByRole("link", { name: "Cart, 0 items" }).count()).toBe(1)
    await context.close()
  })

  it("after one customer logs out, the next guest cart in that browser carries no email", async () => {
    const { context, page } = await newPage()
    await logIn(page, "shopper@pvabazaar.local", "pva-shopper-dev")
    await page.getByRole("button", { name: "Log out" }).waitFor()
    await expectSessionOutOfReach(page, context)
    await page.goto(`${shop()}/products/malachite-fish`)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    const customerCart = await page.evaluate(() => window.localStorage.getItem("pva_cart"))
    const before = await http("GET", `/store/carts/${customerCart}`, { channel: "com" })
    expect(before.json.cart.email).toBe("shopper@pvabazaar.local")

    await page.goto(`${shop()}/account`)
    await page.getByRole("button", { name: "Log out" }).click()
    await page.getByRole("button", { name: "Log in" }).waitFor()
    await page.goto(`${shop()}/products/malachite-fish`)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    const guestCart = await page.evaluate(() => window.localStorage.getItem("pva_cart"))
    expect(guestCart).not.toBe(customerCart)
    const after = await http("GET", `/store/carts/${guestCart}`, { channel: "com" })
    expect(after.json.cart.email).toBeNull()
    expect(after.json.cart.customer_id).toBeNull()
    await context.close()
  })

  it("catalog pages are server-rendered and show a product change as soon as Medusa reports it", async () => {
    const html = await (await fetch(`${shop()}/store?category=${"emeralds"}`)).text()
    expect(html.includes("Amradjet Emerald Pendant")).toBe(true) // in the HTML itself, before any JavaScript
    expect(html.includes("Malachite Fish")).toBe(false) // filtered to the category on the server
    const collection = await (await fetch(`${shop()}/collections/digital-twins`)).text()
    expect(collection.includes("Pieces with a digital twin")).toBe(true)
    expect(collection.includes("Kivu Tourmaline Collector Stone")).toBe(true)
    expect(collection.includes("Malachite Fish")).toBe(false)
    const parent = await (await fetch(`${shop()}/categories/gemstones?sort=price-desc`)).text()
    expect(parent.includes("Amradjet Emerald Pendant")).toBe(true) // a parent category lists its children's pieces
    const search = await (await fetch(`${shop()}/store?q=emrald`)).text()
    expect(search.includes("Amradjet Emerald Pendant")).toBe(true) // typo-tolerant search, server-rendered
    expect(search.includes("Malachite Fish")).toBe(false)

    const piece = await createStockedProduct(4, { title: `Renamed Tourmaline ${unique()}` })
    const first = await (await fetch(`${shop()}/products/${piece.handle}`)).text()
    expect(first.includes("Renamed Tourmaline")).toBe(true)
    const token = await adminToken()
    const newTitle = `Watermelon Tourmaline ${unique()}`
    await http("POST", `/admin/products/${piece.productId}`, { body: { title: newTitle }, headers: { authorization: `Bearer ${token}` } })
    const deadline = Date.now() + 15_000
    let html2 = ""
    while (Date.now() < deadline) {
      html2 = await (await fetch(`${shop()}/products/${piece.handle}`)).text()
      if (html2.includes(newTitle)) break
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(html2.includes(newTitle)).toBe(true)

    const wrongSecret = await fetch(`${shop()}/api/revalidate`, { method: "POST", headers: { "x-revalidate-secret": "guess" }, body: JSON.stringify({ tags: ["products"] }) })
    expect(wrongSecret.status).toBe(401)
    const badTags = await fetch(`${shop()}/api/revalidate`, {
      method: "POST",
      headers: { "x-revalidate-secret": "e2e-revalidate-secret" },
      body: JSON.stringify({ tags: ["everything"] }),
    })
    expect(badTags.status).toBe(400)
    expect((await badTags.json()).message).toMatch(/tags must be/)
  })

  it("lays out on a 360 px wide phone without horizontal scrolling", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    for (const route of ["/", "/store", "/products/amradjet-emerald-pendant", "/quiz"]) {
      await page.goto(`${shop()}${route}`)
      await page.waitForLoadState("networkidle")
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect({ route, overflow }).toEqual({ route, overflow: 0 })
    }
    await shot(page, "11-phone-quiz")
    await context.close()
  })
})
