import { registerCustomer } from "@pva/test-support/store"
import { newPage, shot, signIn, site, unique, useBrowser } from "./support"

const browser = useBrowser()
const PASSWORD = "correct-horse-battery"

describe("one account on both shops", () => {
  it("logs in on .org with the credentials made on .com, in an httpOnly session", async () => {
    const email = `both-shops-${unique()}@example.com`
    await registerCustomer(email, PASSWORD) // the .com channel's registration, as the shop does it
    const { context, page } = await newPage(browser())
    await page.goto(`${site()}/account`)
    await signIn(page, email, "wrong-password")
    await expect(page.locator('p[role="alert"]').textContent()).resolves.toBe("Wrong email or password.")
    await signIn(page, email, PASSWORD)
    await expect(page.getByTestId("profile").textContent()).resolves.toContain(email)
    const session = (await context.cookies()).find((c) => c.name === "pva_session")
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" })
    await expect(page.evaluate(() => document.cookie + JSON.stringify(localStorage))).resolves.not.toMatch(/eyJ/)
    await shot(page, "account-signed-in-with-com-credentials")
    await context.close()
  })
})

describe("a customer who is not KYC-approved", () => {
  it("cannot buy shares and is sent to the KYC page", async () => {
    const email = `no-kyc-${unique()}@example.com`
    await registerCustomer(email, PASSWORD)
    const { context, page } = await newPage(browser())
    await page.goto(`${site()}/account`)
    await signIn(page, email, PASSWORD)
    await page.getByTestId("profile").waitFor()
    await page.goto(`${site()}/offerings`)
    await page.getByRole("link", { name: /Vault: Imperial Emerald|Imperial Emerald/ }).first().click()
    await expect(page.getByTestId("your-position").textContent()).resolves.toMatch(/You have not applied for KYC yet/)
    await page.getByLabel("Number of shares").fill("2")
    await page.getByRole("button", { name: "Buy shares" }).click()
    await page.waitForURL(/\/account\/kyc\?reason=required$/)
    await expect(page.locator('p[role="alert"]').textContent()).resolves.toBe("Buying shares needs an approved KYC check.")
    await expect(page.getByTestId("kyc-status").textContent()).resolves.toMatch(/^Status: required/)
    await shot(page, "no-kyc-sent-to-kyc-page")
    await page.getByLabel("Full legal name").fill("Ada Collector")
    await page.getByLabel("Country (two-letter code)").fill("us")
    await page.getByLabel("Date of birth").fill("1985-04-12")
    await page.getByRole("button", { name: "Apply" }).click()
    await page.getByTestId("kyc-status").filter({ hasText: /^Status: pending/ }).waitFor()
    await shot(page, "kyc-application-pending")
    await context.close()
  })
})

describe("public pages", () => {
  it("render without a session and carry no customer data", async () => {
    const { context, page } = await newPage(browser())
    await page.goto(`${site()}/`)
    await page.getByRole("heading", { name: "How claiming works" }).waitFor()
    await page.goto(`${site()}/offerings`)
    await expect(page.getByTestId("remaining").first().textContent()).resolves.toMatch(/^\d+ of \d+ shares remaining$/)
    await page.goto(`${site()}/artifacts`)
    await shot(page, "artifacts-gallery")
    await context.close()
  })
})
