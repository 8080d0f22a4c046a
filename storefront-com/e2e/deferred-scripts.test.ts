// The shop's pages paint their first screen before Next's scripts are even requested
// (storefront-core/server/deferred-scripts.js), then hydrate: the product photo never waits for
// the framework, and the page still answers clicks once its scripts have run.
import type { Page } from "playwright-core"
import { newPage as openPage, shop, useBrowser } from "./support"

const browser = useBrowser()
const newPage = () => openPage(browser())
const PRODUCT = "/products/amradjet-emerald-pendant"
const isPhoto = (url: URL) => url.pathname.includes("/uploads/products/")

/** When the largest paint happened and what it was, and when each of Next's chunks was requested. */
function paintAndScripts(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ lcp: number; lcpTag: string; scripts: number[] }>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries() as (PerformanceEntry & { element?: Element; renderTime: number })[]
          const last = entries[entries.length - 1]
          const scripts = performance
            .getEntriesByType("resource")
            .filter((e) => e.name.includes("/_next/static/chunks/"))
            .map((e) => e.startTime)
          resolve({ lcp: last.renderTime || last.startTime, lcpTag: last.element?.tagName ?? "", scripts })
        }).observe({ type: "largest-contentful-paint", buffered: true })
      })
  )
}

const hydrated = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute("data-hydrated"))

describe("the shop paints before it loads its scripts", () => {
  it("requests no script of Next's before the product photo is painted, then hydrates: Add to cart works", async () => {
    const { context, page } = await newPage()
    const refused: string[] = []
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
    })
    const response = await page.goto(`${shop()}${PRODUCT}`) // resolves once hydrated (test-support's waitingForHydration)

    const { lcp, lcpTag, scripts } = await paintAndScripts(page)
    expect(lcpTag).toBe("IMG")
    expect(scripts.length).toBeGreaterThanOrEqual(4) // the app shell, webpack's runtime, main-app, the layout's and the page's
    expect(Math.min(...scripts)).toBeGreaterThan(lcp)
    // The HTML names Next's chunks only as held scripts: the browser could not have fetched them on its own.
    const html = await response!.text()
    expect(html).not.toMatch(/<script[^>]* src="\/_next\/static\/chunks\/(?!polyfills)/)
    expect(html).not.toMatch(/<link[^>]* as="script"/)
    expect(html.match(/ data-pva-src="\/_next\/static\/chunks\//g)?.length).toBeGreaterThanOrEqual(4)
    expect(refused).toEqual([]) // the loader runs under the page's nonce, and the scripts it adds under 'strict-dynamic'

    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    await page.getByRole("link", { name: "Cart, 1 item" }).waitFor()
    await context.close()
  })

  it("loads them at once when the shopper presses a key before the photo has arrived", async () => {
    const { context, page } = await newPage()
    let releasePhoto: () => void = () => undefined
    const photoHeld = new Promise<void>((resolve) => (releasePhoto = resolve))
    await page.route(isPhoto, async (route) => {
      await photoHeld
      await route.continue().catch(() => undefined)
    })
    await page.goto(`${shop()}${PRODUCT}`, { waitUntil: "commit" })
    await page.getByRole("heading", { name: "Amradjet Emerald Pendant" }).waitFor()
    expect(await hydrated(page)).toBe(false)

    await page.keyboard.press("Tab")
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"))
    // The photo is still on its way: the key, not the paint, started the scripts.
    expect(await page.locator(`img[alt="Amradjet Emerald Pendant"]`).first().evaluate((img: HTMLImageElement) => img.complete)).toBe(false)
    releasePhoto()
    await context.close()
  })

  it("loads them after a few seconds when the photo never arrives and the shopper does nothing", async () => {
    const { context, page } = await newPage()
    await page.route(isPhoto, () => undefined) // never answered
    const started = Date.now()
    await page.goto(`${shop()}${PRODUCT}`, { waitUntil: "commit" })
    await page.getByRole("heading", { name: "Amradjet Emerald Pendant" }).waitFor()
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"), null, { timeout: 20_000 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000)
    expect(await page.locator(`img[alt="Amradjet Emerald Pendant"]`).first().evaluate((img: HTMLImageElement) => img.complete)).toBe(false)
    await context.close()
  })
})
