// Debian's Chromium for browser tests and Lighthouse, driven by playwright-core: installed from
// Debian when missing (never a downloaded browser), launched headless with the background
// services off, because this machine's network is closed.
import { execFileSync } from "child_process"
import fs from "fs"
import path from "path"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
]

function aptInstall() {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  const install = () => execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env })
  try {
    install()
  } catch {
    execFileSync("apt-get", ["update"], { stdio: "inherit", env })
    install()
  }
}

/** The Chromium binary's path, installing Debian's `chromium` package first if needed. */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH`)
  }
  aptInstall()
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`)
  return CHROMIUM_PATH
}

/** A headless Debian Chromium under playwright-core, with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS })
}

/** One Chromium per test file, closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())
  return () => browser
}

/**
 * Makes `page.goto` and `page.reload` resolve only once the page can answer a shopper's clicks: the
 * shop loads its scripts after the first screen has painted (storefront-core's deferred-scripts.js),
 * so its pages are loaded before React has hydrated them, and `<html data-hydrated>` tells when.
 * Pages that hold no scripts back (pvabazaar.org, Medusa Admin, JSON) resolve as they load.
 */
export function waitingForHydration(page: Page): Page {
  const hydrated = () =>
    page.waitForFunction(() => !document.querySelector("script[data-pva-src]") || document.documentElement.hasAttribute("data-hydrated"))
  const [goto, reload] = [page.goto.bind(page), page.reload.bind(page)]
  page.goto = async (url, options) => {
    const response = await goto(url, options)
    if (options?.waitUntil !== "commit") await hydrated()
    return response
  }
  page.reload = async (options) => {
    const response = await reload(options)
    if (options?.waitUntil !== "commit") await hydrated()
    return response
  }
  return page
}

/** A fresh browser profile; `ip` plays a proxy in front of the site naming the client's address. */
export async function newPage(browser: Browser, opts: { ip?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const extraHTTPHeaders = opts.ip ? { "X-Forwarded-For": opts.ip } : undefined
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders })
  const page = waitingForHydration(await context.newPage())
  page.setDefaultTimeout(30_000)
  return { context, page }
}

/** Full-page screenshots into `folder`; `numbered` prefixes each with its place in the run (01-…). */
export function screenshots(folder: string, { numbered = false } = {}) {
  let step = 0
  return (page: Page, name: string) => {
    fs.mkdirSync(folder, { recursive: true })
    const file = numbered ? `${String(++step).padStart(2, "0")}-${name}.png` : `${name}.png`
    return page.screenshot({ path: path.join(folder, file), fullPage: true })
  }
}

/**
 * A page signed in to Medusa Admin at `${serverUrl}/app` as the seeded admin; errors the
 * admin's own code throws are collected in `pageErrors`.
 */
export async function adminPage(browser: Browser, serverUrl: string, pageErrors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`))
  await page.goto(`${serverUrl}/app/login`)
  // The login form renders again once the admin has its translations and session answer,
  // dropping whatever was typed into it before.
  await page.waitForLoadState("networkidle")
  await page.fill('input[name="email"]', "admin@pvabazaar.local")
  await page.fill('input[name="password"]', "pva-admin-dev")
  await page.keyboard.press("Enter")
  await page.getByText("Export Orders").waitFor({ timeout: 60_000 })
  return page
}
