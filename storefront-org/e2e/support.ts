import fs from "fs"
import path from "path"
import type { Browser, BrowserContext, Page } from "playwright-core"

const { launchChromium } = require("../../scripts/lib/chromium")

export const ARTIFACTS = path.resolve(__dirname, "../test-artifacts")
export const site = () => process.env.PVA_ORG_URL as string
export const chainUrl = () => process.env.PVA_TEST_CHAIN_URL as string
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** One Chromium per test file, closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())
  return () => browser
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  return { context, page }
}

let step = 0
/** A screenshot per step, numbered in the order the journeys took them. */
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${String(++step).padStart(2, "0")}-${name}.png`), fullPage: true })

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
}
