// The admin's side of flow 3 in Debian Chromium: in Medusa Admin at /app, create an offering
// on the "Share offerings" page and open it on chain, approve a collector in the KYC review
// queue, and, once the collector has bought shares, see them in the offering's cap table chart.
import fs from "fs"
import os from "os"
import path from "path"
import type { Browser, Page } from "playwright-core"
import { adminPage, launchChromium } from "@pva/test-support/browser"
import { RELAXED_RATE_LIMITS, startServer, type TestServer } from "@pva/test-support/server"
import { waitFor } from "@pva/test-support/wait"
import { admin, completeCart, kycApplicant, shareCart, testChain } from "../../../test-support/fractional"

const ARTIFACTS = path.join(os.tmpdir(), "pva-fractional-admin")

let server: TestServer
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  // A second, API-only server on the suite's database and chain that serves the admin bundle:
  // the suite's own server keeps following the chain and minting, as a worker would.
  server = await startServer(process.env.PVA_TEST_DATABASE_URL!, {
    MEDUSA_ADMIN_SERVE: "true",
    CHAIN_RPC_URL: process.env.PVA_TEST_CHAIN_URL!,
    CHAIN_RPC_URLS: process.env.PVA_TEST_CHAIN_URL!,
    CHAIN_ID: "31337",
    CHAIN_DEPLOYMENTS_DIR: process.env.PVA_TEST_DEPLOYMENTS_DIR!,
    CHAIN_SYNC_FOLLOW: "false",
    MEDUSA_WORKER_MODE: "server",
    ...RELAXED_RATE_LIMITS,
  })
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

it("creates and opens an offering, approves a collector's KYC, and charts the cap table", async () => {
  const applicant = await kycApplicant("admin-page")
  const title = `Admin Page Piece ${Date.now().toString(36)}`

  await page.goto(`${server.url}/app/a/offerings`)
  await page.getByRole("heading", { name: "Share offerings" }).waitFor({ timeout: 60_000 })
  await page.getByLabel("Title", { exact: true }).fill(title)
  await page.getByLabel("or twin token id").fill("42")
  await page.getByLabel("Total shares (10–10,000)").fill("40")
  await page.getByLabel("Price per share (USD)").fill("12.50")
  await page.getByLabel("Price per share (EUR)").fill("11.50")
  await page.getByRole("button", { name: "Create draft" }).click()
  const row = page.locator("tr", { hasText: title })
  await row.getByRole("button", { name: "Open on chain" }).click()
  await row.getByRole("button", { name: "Close" }).waitFor({ timeout: 60_000 })
  await expect(row.textContent()).resolves.toMatch(/open\$12\.50 \/ €11\.50/)

  const offering = ((await admin("GET", "/admin/offerings")).json.offerings as any[]).find((o) => o.title === title)
  expect(offering).toMatchObject({ status: "open", total_shares: 40, prices: { usd: 1250, eur: 1150 } })
  expect(await testChain().maxShares(offering.chain_offering_id)).toBe(40)

  await page.goto(`${server.url}/app/a/kyc`)
  await page.getByRole("heading", { name: "KYC review" }).waitFor({ timeout: 60_000 })
  const application = page.locator(`tr[data-application="${applicant.applicationId}"]`)
  await expect(application.textContent()).resolves.toContain(applicant.email)
  await application.getByLabel("Note").fill("Passport and address checked")
  await application.getByRole("button", { name: "Approve" }).click()
  await page.getByText(new RegExp(`^approved\\. ${applicant.wallet}: eligible$`, "i")).waitFor()
  // The queue reloads after the decision is shown: the approved application leaves it.
  await application.waitFor({ state: "detached" })
  expect(await testChain().isEligible(applicant.wallet)).toBe(true)
  const decisions = (await admin("GET", `/admin/kyc/applications/${applicant.applicationId}`)).json
  expect(JSON.stringify(decisions)).toContain("Passport and address checked")

  // The approved collector buys 6 shares; chain sync brings them into the cap table.
  const { cartId, added } = await shareCart(applicant, offering.variant_id, 6)
  expect(added.status).toBe(200)
  expect((await completeCart(applicant.token, cartId)).status).toBe(200)
  await waitFor(
    async () => (await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table.holders.length === 1,
    30_000,
    "the purchase in the cap table"
  )

  await page.goto(`${server.url}/app/a/offerings`)
  await row.getByRole("button", { name: "Cap table" }).click({ timeout: 60_000 })
  const chart = page.getByRole("figure", { name: "Cap table chart" })
  await chart.waitFor()
  await expect(chart.locator("svg rect").count()).resolves.toBe(2)
  const legend = (await chart.locator("figcaption").textContent())!
  expect(legend).toContain(`${applicant.email}: 6 (15%)`)
  expect(legend).toContain("Not held: 34 (85%)")
  const capTable = page.getByRole("region", { name: "Cap table" })
  await expect(capTable.textContent()).resolves.toContain(`Sold in store: 6`)
  await expect(capTable.locator("tr", { hasText: applicant.wallet }).textContent()).resolves.toMatch(new RegExp(`${applicant.email}615`))
})
