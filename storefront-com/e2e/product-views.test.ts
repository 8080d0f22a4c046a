// A product page's visit is the sales dashboard's "product viewed" step: the shop's browser
// code records it (POST /store/product-views) once the page has painted, and the admin's
// dashboard counts it for the day.
import { testSeed, viewsCountedBy } from "@pva/test-support/store"
import { newPage as openPage, shop, useBrowser } from "./support"

const browser = useBrowser()
const newPage = () => openPage(browser())
const PRODUCT = "/products/malachite-fish"
const isViewCall = (url: string, method: string) => url.endsWith("/store/product-views") && method === "POST"

describe("a product page's visit in the sales dashboard's funnel", () => {
  it("counts one view per visit, sent by the browser with the shop's key after the page has painted", async () => {
    const { context, page } = await newPage()
    const refused: string[] = []
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to connect/i.test(message.text())) refused.push(message.text())
    })
    const added = await viewsCountedBy(async () => {
      const answered = page.waitForResponse((res) => isViewCall(res.url(), res.request().method()))
      await page.goto(`${shop()}${PRODUCT}`)
      await page.getByRole("heading", { name: "Malachite Fish" }).waitFor()
      const res = await answered
      expect(res.status()).toBe(204)
      expect(JSON.parse(res.request().postData() ?? "{}")).toEqual({ product_id: expect.stringMatching(/^prod_/) })
      expect(res.request().headers()["x-publishable-api-key"]).toBe(testSeed().publishableKeys.com)
    })
    expect(added).toBe(1)

    // Sent after the first paint and the load event, never ahead of the page's own requests.
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Infinity,
      load: performance.getEntriesByType("navigation").map((e) => (e as PerformanceNavigationTiming).loadEventEnd)[0] ?? Infinity,
      view: performance.getEntriesByType("resource").find((e) => e.name.endsWith("/store/product-views"))?.startTime ?? -1,
    }))
    expect(timing.view).toBeGreaterThan(timing.paint)
    expect(timing.view).toBeGreaterThanOrEqual(timing.load)
    expect(refused).toEqual([]) // the CSP's connect-src allows the server

    // A reload is another visit; rendering the HTML on the server counts nothing.
    expect(await viewsCountedBy(() => page.reload().then(() => undefined))).toBe(1)
    expect(await viewsCountedBy(async () => void (await fetch(`${shop()}${PRODUCT}`)).text(), { expectSome: false })).toBe(0)
    await context.close()
  })

  it("leaves the page working when the view cannot be recorded", async () => {
    const { context, page } = await newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(error.message))
    await page.route("**/store/product-views", (route) => route.fulfill({ status: 429, contentType: "application/json", headers: { "access-control-allow-origin": shop() }, body: '{"message":"Too many product views"}' }))
    const refusedCall = page.waitForResponse((res) => isViewCall(res.url(), res.request().method()))
    await page.goto(`${shop()}${PRODUCT}`)
    expect((await refusedCall).status()).toBe(429)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})
