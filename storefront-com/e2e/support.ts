// pvabazaar.com's journeys in Chromium: the browser comes from @pva/test-support/browser,
// what is particular to this shop (its URL, forms, privacy checks) is here.
import path from "path"
import type { BrowserContext, Page } from "playwright-core"
import { screenshots } from "@pva/test-support/browser"
import { adminToken, http } from "@pva/test-support/store"

export { newPage, useBrowser } from "@pva/test-support/browser"
export { unique } from "@pva/test-support/store"

export const shop = () => process.env.PVA_SHOP_URL as string
export const shot = screenshots(path.resolve(__dirname, "../test-artifacts/e2e"))

/** Every URL the page requested and every Referer it sent, to check no PII leaves in them. */
export function recordUrls(page: Page): string[] {
  const seen: string[] = []
  page.on("request", (req) => {
    seen.push(req.url())
    const referer = req.headers()["referer"]
    if (referer) seen.push(referer)
  })
  page.on("framenavigated", (frame) => seen.push(frame.url()))
  return seen
}

export function expectNoEmailIn(urls: string[], email: string) {
  const localPart = email.split("@")[0].toLowerCase()
  expect(urls.filter((u) => u.toLowerCase().includes(localPart))).toEqual([])
}

const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/

/** The session is an httpOnly cookie: nothing page JavaScript can reach holds a JWT. */
export async function expectSessionOutOfReach(page: Page, context: BrowserContext) {
  const visible = await page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`)
    return { local: dump(window.localStorage), session: dump(window.sessionStorage), cookies: document.cookie }
  })
  expect([...visible.local, ...visible.session].filter((entry) => JWT.test(entry))).toEqual([])
  expect(visible.cookies).not.toMatch(JWT)
  expect(visible.cookies).not.toContain("pva_session")
  const session = (await context.cookies()).find((c) => c.name === "pva_session")
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" })
  expect(session!.value).toMatch(JWT)
}

/** The link in the newest email to `to` whose text has `pathname`, from Medusa's outbox. */
export async function emailedLink(to: string, pathname: string, timeoutMs = 15_000): Promise<string> {
  const token = await adminToken()
  const deadline = Date.now() + timeoutMs
  const pattern = new RegExp(`https?://[^\\s"'<>]+${pathname.replace(/[/?]/g, "\\$&")}\\?token=[^\\s"'<>&]+`)
  for (;;) {
    const res = await http("GET", `/admin/email-outbox?to=${encodeURIComponent(to)}&limit=20`, { headers: { authorization: `Bearer ${token}` } })
    for (const email of res.json?.emails ?? []) {
      const found = `${email.text}\n${email.html}`.match(pattern)
      if (found) return found[0]
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} with a ${pathname} link (outbox: ${res.status} ${JSON.stringify(res.json?.emails?.map((e: any) => e.subject))})`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

export async function answerQuiz(page: Page, valueFor: (position: number) => number) {
  await page.goto(`${shop()}/quiz`)
  for (let position = 1; ; position++) {
    await page.getByText(new RegExp(`^Question ${position} of \\d+$`)).waitFor()
    await page.getByRole("radio", { name: new RegExp(`^${valueFor(position)} `) }).check()
    const finish = page.getByRole("button", { name: "See my archetype" })
    if (await finish.isVisible()) {
      await finish.click()
      return
    }
    await page.getByRole("button", { name: "Next" }).click()
  }
}

export async function fillAddress(page: Page, overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    Email: "", "First name": "Ada", "Last name": "Shopper", "Street address": "1 Market Street",
    City: "San Francisco", "State / province": "CA", "Postal code": "94105", ...overrides,
  }
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value)
}

/**
 * From the checkout page to a placed order: the address (`fillAddress` overrides), the first
 * shipping option, the manual payment (the shop offers Stripe only with a key), the review.
 * Returns the order's PVA number from the confirmation page.
 */
export async function placeOrder(page: Page, address: Record<string, string>, onReview?: () => Promise<unknown>): Promise<string> {
  await fillAddress(page, address)
  await page.getByRole("button", { name: "Continue to shipping" }).click()
  await page.getByRole("button", { name: "Continue to payment" }).click()
  await page.getByText("Pay by bank transfer on invoice (manual payment).", { exact: false }).waitFor()
  await page.getByRole("button", { name: "Continue to review" }).click()
  await page.getByRole("heading", { name: "Review your order" }).waitFor()
  await onReview?.()
  await page.getByRole("button", { name: "Place order" }).click()
  await page.waitForURL(/\/order\/confirmed\//)
  const pvaNumber = (await page.getByTestId("pva-number").textContent())!
  expect(pvaNumber).toMatch(/^PVA-\d{8}-\d{6}$/)
  return pvaNumber
}

export async function registerInBrowser(page: Page, person: { first: string; last: string; email: string; password: string }) {
  await page.goto(`${shop()}/account`)
  await page.getByLabel("First name").fill(person.first)
  await page.getByLabel("Last name").fill(person.last)
  await page.getByLabel("Email", { exact: true }).nth(1).fill(person.email)
  await page.getByLabel("Password", { exact: true }).nth(1).fill(person.password)
  await page.getByRole("button", { name: "Create account" }).click()
  await page.getByRole("heading", { name: `Hello, ${person.first}` }).waitFor()
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${shop()}/account`)
  await page.getByLabel("Email", { exact: true }).first().fill(email)
  await page.getByLabel("Password", { exact: true }).first().fill(password)
  await page.getByRole("button", { name: "Log in" }).click()
}
