// The dashboard page in Medusa Admin, in Debian Chromium: after an order is placed through the
// store API, the page at /app/a/sales-dashboard draws its charts (SVG bars for revenue, orders,
// top products, the funnel and webhook health) and its revenue line names the order's total.
import fs from "fs"
import os from "os"
import path from "path"
import type { Browser, Page } from "playwright-core"
import { adminPage, launchChromium } from "@pva/test-support/browser"
import { startServer, type TestServer } from "@pva/test-support/server"
import { adminToken, createStockedProduct, http, readyCart, storeClient } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"

const ARTIFACTS = path.join(os.tmpdir(), "pva-sales-dashboard-admin")

let server: TestServer
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  // A second server on the suite's database that serves the admin bundle.
  server = await startServer(process.env.PVA_TEST_DATABASE_URL!, { MEDUSA_ADMIN_SERVE: "true" })
  browser = await launchChromium()
  page = await adminPage(browser, server.url, pageErrors)
})

afterEach(async () => {
  await page.screenshot({ path: path.join(ARTIFACTS, `${expect.getState().currentTestName}.png`), fullPage: true }).catch(() => undefined)
})

afterAll(async () => {
  fs.writeFileSync(path.join(ARTIFACTS, "page-errors.log"), pageErrors.join("\n"))
  await browser?.close()
  await server?.stop()
})

it("draws revenue, orders, top products, the funnel and webhook health as charts", async () => {
  const product = await createStockedProduct(5, { channel: "com", title: "Chart Pendant", prices: [{ currency_code: "usd", amount: 25000 }, { currency_code: "eur", amount: 23000 }] })
  const client = storeClient("com")
  const completed = await client.carts.complete(await readyCart(client, { variantId: product.variantId, quantity: 1 }))
  expect(completed.type).toBe("order")
  const today = new Date().toISOString().slice(0, 10)
  const token = await adminToken()
  // The USD net the API answers now, as the page writes it.
  const usdNetText = async () => {
    const api = (await http("GET", `/admin/sales-dashboard?from=${today}&to=${today}`, { headers: { authorization: `Bearer ${token}` } })).json
    const usd = (api.sales.totals as Array<{ currency_code: string; net: number }>).find((t) => t.currency_code === "usd")
    return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format((usd?.net ?? 0) / 100)
  }

  await page.goto(`${server.url}/app/a/sales-dashboard`)
  await page.getByRole("heading", { name: "Sales dashboard" }).waitFor({ timeout: 60_000 })
  await page.getByLabel("From", { exact: true }).fill(today)
  await page.getByLabel("To", { exact: true }).fill(today)
  await page.getByRole("button", { name: "Show" }).click()

  const revenue = page.getByRole("figure", { name: "Net revenue per day (USD)" })
  await revenue.waitFor()
  // Other suites' orders of today may still be reaching the rollup: compare the page with the
  // API's answer of the same moment, showing the range again until they agree.
  await waitFor(
    async () => {
      const expected = `${await usdNetText()} net`
      if ((await page.getByTestId("revenue-usd").textContent())?.includes(expected)) return true
      await page.getByRole("button", { name: "Show" }).click()
      await revenue.waitFor()
      return false
    },
    30_000,
    "the page's USD net to match the API's"
  )
  await expect(revenue.locator("svg rect").count()).resolves.toBeGreaterThan(0)
  await expect(page.getByRole("figure", { name: "Orders per day" }).locator("svg rect").count()).resolves.toBeGreaterThan(0)

  const top = page.getByRole("figure", { name: "Top products by units" })
  await expect(top.locator("svg text", { hasText: "Chart Pendant" }).count()).resolves.toBe(1)
  const funnel = page.getByRole("figure", { name: "Funnel" })
  await expect(funnel.locator("svg rect").count()).resolves.toBe(4)
  await expect(funnel.textContent()).resolves.toMatch(/Order: [1-9]/)
  await page.getByRole("figure", { name: "Partner webhook deliveries per day" }).waitFor()
  await page.getByTestId("webhook-latency").waitFor()

  // A channel of its own: the filter narrows the charts to it.
  await page.getByLabel("Sales channel").selectOption({ label: "pvabazaar.org" }).catch(async () => {
    const options = await page.getByLabel("Sales channel").locator("option").allTextContents()
    throw new Error(`no pvabazaar.org channel among ${options.join(", ")}`)
  })
  await page.getByRole("button", { name: "Show" }).click()
  await top.locator("svg text", { hasText: "Chart Pendant" }).waitFor({ state: "detached" })
  expect(pageErrors).toEqual([])
})
