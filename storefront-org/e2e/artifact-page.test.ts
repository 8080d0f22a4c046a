import { openOffering } from "../../plugins/medusa-plugin-fractional/test-support/fractional"
import { testSeed, testServerUrl, viewsCountedBy } from "@pva/test-support/store"
import { newPage, shot, site, useBrowser } from "./support"

// The artifact page's largest paint is the piece's photo (the twin's SVG beside it), and a visit
// to a page that shows a product counts as a view of it in the sales dashboard's funnel.

const browser = useBrowser()

type PublicTwin = { token_id: string; title: string; product_id: string | null; image_url: string; product_thumbnail: string | null }

async function twinWithPhoto(): Promise<PublicTwin> {
  const get = async (path: string) => (await fetch(`${testServerUrl()}${path}`, { headers: { "x-publishable-api-key": testSeed().publishableKeys.org } })).json()
  for (const { token_id } of (await get("/store/twins?limit=100")).twins as PublicTwin[]) {
    const { twin } = (await get(`/store/twins/${token_id}`)) as { twin: PublicTwin }
    if (twin.product_thumbnail && twin.product_id) return twin
  }
  throw new Error("no seeded twin of a product with a photo")
}

describe("an artifact's page", () => {
  it("shows the piece's photo as its largest paint, the twin's image beside it, and counts a view of the piece", async () => {
    const twin = await twinWithPhoto()
    const { context, page } = await newPage(browser())
    const added = await viewsCountedBy(async () => {
      await page.goto(`${site()}/artifacts/${twin.token_id}`)
      await page.getByRole("heading", { name: twin.title, level: 1 }).waitFor()
    })
    expect(added).toBe(1)

    const photo = page.getByTestId("artifact-photo").getByRole("img", { name: twin.title, exact: true })
    expect(await photo.getAttribute("src")).toBe(twin.product_thumbnail)
    expect(await photo.getAttribute("fetchpriority")).toBe("high")
    expect(await photo.getAttribute("loading")).toBe("eager")
    expect([await photo.getAttribute("width"), await photo.getAttribute("height")]).toEqual(["600", "600"])
    // The browser picked one of the photo's variants from the srcset, and it arrived.
    const shown = await photo.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0 }))
    expect(shown).toEqual({ src: expect.stringMatching(/\/\d+w\.(avif|webp)$/), loaded: true })
    const largest = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          new PerformanceObserver((list) => resolve((list.getEntries().at(-1) as PerformanceEntry & { url: string }).url)).observe({ type: "largest-contentful-paint", buffered: true })
        )
    )
    expect(largest).toBe(shown.src)
    const twinImage = page.getByTestId("twin-image")
    expect(await twinImage.getAttribute("src")).toBe(`${testServerUrl()}${twin.image_url}`)
    expect(await twinImage.getAttribute("loading")).toBe("lazy")
    await shot(page, "artifact-photo")
    await context.close()
  })

  it("counts a view of an offering's shares when its page is visited", async () => {
    const offering = await openOffering({ total_shares: 10 })
    expect(offering.product_id).toMatch(/^prod_/)
    const { context, page } = await newPage(browser())
    const added = await viewsCountedBy(async () => {
      await page.goto(`${site()}/offerings/${offering.id}`)
      await page.getByRole("heading", { name: offering.title }).waitFor()
    })
    expect(added).toBe(1)
    await context.close()
  })
})
