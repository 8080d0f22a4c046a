// pvabazaar.org's journeys in Chromium: the browser comes from @pva/test-support/browser,
// what is particular to this site (its URL, its chain, its sign-in form) is here.
import path from "path"
import type { Page } from "playwright-core"
import { screenshots } from "@pva/test-support/browser"

export { newPage, useBrowser } from "@pva/test-support/browser"
export { unique } from "@pva/test-support/store"

export const site = () => process.env.PVA_ORG_URL as string
export const chainUrl = () => process.env.PVA_TEST_CHAIN_URL as string

/** A screenshot per step, numbered in the order the journeys took them. */
export const shot = screenshots(path.resolve(__dirname, "../test-artifacts"), { numbered: true })

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
}
