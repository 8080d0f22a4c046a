import fs from "fs"
import path from "path"
import type { Browser, Page } from "playwright-core"
import { adminPage, launchChromium } from "@pva/test-support/browser"
import { query } from "@pva/test-support/database"
import { startServer, TestServer } from "@pva/test-support/server"
import { productByHandle, storeClient } from "@pva/test-support/store"

const ARTIFACTS = path.resolve(__dirname, "../../../test-artifacts/admin")

describe("Medusa Admin pages in Chromium", () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    server = await startServer(process.env.PVA_TEST_DATABASE_URL!, { MEDUSA_ADMIN_SERVE: "true" })
    browser = await launchChromium()
    page = await adminPage(browser, server.url, pageErrors)
  })

  afterEach(async () => {
    await shot(`after ${expect.getState().currentTestName}`).catch(() => undefined)
  })

  afterAll(async () => {
    fs.writeFileSync(path.join(ARTIFACTS, "page-errors.log"), pageErrors.join("\n"))
    await browser?.close()
    await server?.stop()
  })

  it("never covers the admin with Medusa's usage-data prompt", async () => {
    await page.goto(`${server.url}/app/a/orders`)
    await page.getByText("Export Orders").waitFor({ timeout: 60_000 })
    // Medusa Admin raises the prompt a second after it knows the user has not answered it.
    await page.waitForTimeout(2_500)
    await expect(page.getByText("Help us get better").count()).resolves.toBe(0)
  })

  it("lists partners with their country, and opens one with its delivery log", async () => {
    await page.goto(`${server.url}/app/a/partners`)
    const lukuni = page.getByRole("link", { name: "Lukuni Cooperative" })
    await lukuni.waitFor({ timeout: 60_000 })
    const row = page.locator("tr", { has: lukuni })
    await expect(row.textContent()).resolves.toMatch(/Democratic Republic of (the )?Congo|DRC/)
    await shot("partners-list")

    await lukuni.click()
    await page.getByRole("heading", { name: "Lukuni Cooperative" }).waitFor()
    await page.getByRole("heading", { name: "Webhook deliveries" }).waitFor()
    await page.getByRole("heading", { name: "Inventory sync reports" }).waitFor()
    await shot("partner-detail")
  })

  it("shows a partner's signing secret once, when created or rotated, and only its hint after", async () => {
    await page.goto(`${server.url}/app/a/partners`)
    await page.getByRole("link", { name: "Lukuni Cooperative" }).waitFor({ timeout: 60_000 })
    const name = `Secret Coop ${Date.now().toString(36)}`
    await page.getByPlaceholder("Name").fill(name)
    await page.getByPlaceholder("Country").fill("Kenya")
    await page.getByRole("button", { name: "Add partner" }).click()
    const issued = page.getByTestId("one-time-secret")
    await issued.waitFor()
    const secret = (await issued.locator("code").textContent())!.trim()
    expect(secret).toMatch(/^whsec_/)
    await shot("partner-secret-once")

    await page.getByRole("link", { name }).click()
    const secrets = page.getByTestId("signing-secrets")
    await secrets.waitFor()
    await expect(secrets.textContent()).resolves.toContain(`whsec_…${secret.slice(-4)}`)
    await expect(page.content()).resolves.not.toContain(secret)

    await page.getByRole("button", { name: "Rotate signing secret" }).click()
    const rotated = (await page.getByTestId("one-time-secret").locator("code").textContent())!.trim()
    expect(rotated).toMatch(/^whsec_/)
    expect(rotated).not.toBe(secret)
    await page.reload()
    await secrets.waitFor()
    await expect(secrets.locator("li").count()).resolves.toBe(2)
    const html = await page.content()
    expect(html).not.toContain(secret)
    expect(html).not.toContain(rotated)
  })

  it("shows the partner on the product page", async () => {
    const pendant = await productByHandle(storeClient("com"), "amradjet-emerald-pendant")
    await page.goto(`${server.url}/app/a/products/${pendant.id}`)
    const widget = page.locator("div", { has: page.getByRole("heading", { name: "Partner", exact: true }) }).last()
    await widget.getByRole("link", { name: "Lukuni Cooperative" }).waitFor({ timeout: 60_000 })
    await expect(widget.textContent()).resolves.toMatch(/Lukuni Cooperative \(Democratic Republic of (the )?Congo|DRC\)/)
    await shot("product-partner-widget")
  })

  it("opens a page from its address every time, never stopping at the loading spinner", async () => {
    // @tanstack/react-query before 4.29.12 missed a query that finished between a component's render
    // and its subscription, which left Medusa Admin's session check spinning for good on about
    // one full page load in fifteen here.
    const pendant = await productByHandle(storeClient("com"), "amradjet-emerald-pendant")
    const pages = [`${server.url}/app/a/partners`, `${server.url}/app/a/products/${pendant.id}`]
    const stuck: string[] = []
    for (let load = 0; load < 24; load++) {
      const address = pages[load % pages.length]
      await page.goto(address)
      const shown = await page
        .getByRole("link", { name: "Lukuni Cooperative" })
        .first()
        .waitFor({ timeout: 20_000 })
        .then(() => true, () => false)
      if (!shown) stuck.push(`load ${load}: ${address}`)
    }
    expect(stuck).toEqual([])
  })

  it("edits the archetype quiz, its category weights and charts customers by archetype", async () => {
    await page.goto(`${server.url}/app/a/archetype`)
    const heading = page.getByRole("heading", { name: /Quiz questions \(version \d+\)/ })
    await heading.waitFor({ timeout: 60_000 })
    const version = Number((await heading.textContent())!.match(/version (\d+)/)![1])
    await expect(page.getByLabel(/^Question \d+ prompt$/).count()).resolves.toBe(12)
    await page.getByRole("img", { name: "Customers by archetype" }).waitFor()

    await page.getByLabel("Question 1 prompt").fill("I would rather own one heirloom than many trinkets.")
    await page.getByRole("button", { name: "Publish new version" }).click()
    await page.getByRole("status").filter({ hasText: `Published version ${version + 1}` }).waitFor()
    await page.getByRole("heading", { name: `Quiz questions (version ${version + 1})` }).waitFor()
    const quiz = (await (await fetch(`${server.url}/store/archetype/quiz`)).json()) as { quiz: { questions: { prompt: string }[] } }
    expect(quiz.quiz.questions[0].prompt).toBe("I would rather own one heirloom than many trinkets.")

    const grounding = page.getByLabel("Guardian weight for Grounding Gems")
    await expect(grounding.inputValue()).resolves.toBe("0.9")
    await grounding.fill("0.6")
    await grounding.blur()
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor()
    type Affinities = { archetypes: { archetype: string; categories: { category_name: string; weight: number }[] }[] }
    const affinities: Affinities = await page.evaluate(() => fetch("/admin/archetype/affinities", { credentials: "include" }).then((r) => r.json()))
    const guardian = affinities.archetypes.find((a) => a.archetype === "guardian")
    expect(guardian?.categories.find((c) => c.category_name === "Grounding Gems")?.weight).toBe(0.6)
    await shot("archetype-admin")

    await grounding.fill("0.9")
    await grounding.blur()
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor()
  })

  it("shows chain sync health per contract", async () => {
    await query(
      process.env.PVA_TEST_DATABASE_URL!,
      `INSERT INTO chain_cursor (chain_id, contract_address, contract_name, start_block, block_number, block_hash, head_block, logs_ingested, last_error, last_error_at)
       VALUES (31337, '0x5fbdb2315678afecb367f032d93f642f64180aa3', 'PVATwin', 1, 120, '0xabc', 125, 2000, 'rpc http://a stalled', now())
       ON CONFLICT DO NOTHING`
    )
    await page.goto(`${server.url}/app/a/chain-sync`)
    const row = page.locator('tr[data-contract="PVATwin"]')
    await row.waitFor({ timeout: 60_000 })
    const text = (await row.textContent())!
    expect(text).toContain("125") // head
    expect(text).toContain("5 blocks") // lag
    expect(text).toContain("2000") // logs ingested
    expect(text).toContain("rpc http://a stalled")
    await shot("chain-sync")
  })

  it("loads the share offerings, KYC review and digital twins pages with their data", async () => {
    const pages = [
      { address: "offerings", api: "/admin/offerings", heading: "Share offerings" },
      { address: "kyc", api: "/admin/kyc/applications", heading: "KYC review" },
      { address: "twins", api: "/admin/twins?", heading: "Digital twins" },
    ]
    for (const { address, api, heading } of pages) {
      const answered = page.waitForResponse((r) => r.url().includes(api) && r.request().method() === "GET", { timeout: 60_000 })
      await page.goto(`${server.url}/app/a/${address}`)
      expect([address, (await answered).status()]).toEqual([address, 200])
      await page.getByRole("heading", { name: heading }).waitFor({ timeout: 60_000 })
      await shot(address)
    }
  })
})
