import fs from "fs"
import os from "os"
import path from "path"
import sharp from "sharp"
import { startServer, TestServer } from "@pva/test-support/server"
import { exifHasGps, jpegWithGpsPosition, pngBomb, solidImage } from "@pva/test-support/images"
import { adminToken } from "@pva/test-support/store"
import { adminPage, launchChromium } from "@pva/test-support/browser"

const MAX_BYTES = 3 * 1024 * 1024
const MAX_PIXELS = 30_000_000

describe("product image uploads (local file storage)", () => {
  let server: TestServer
  let token: string
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-uploads-"))

  beforeAll(async () => {
    server = await startServer(process.env.PVA_TEST_DATABASE_URL!, {
      MEDUSA_ADMIN_SERVE: "true",
      FILE_LOCAL_DIR: uploadsDir,
      UPLOAD_MAX_BYTES: String(MAX_BYTES),
      UPLOAD_MAX_PIXELS: String(MAX_PIXELS),
    })
    token = await adminToken(server.url)
  })
  afterAll(async () => {
    await server?.stop()
    fs.rmSync(uploadsDir, { recursive: true, force: true })
  })

  const upload = async (bytes: Buffer, name: string, type = "application/octet-stream") => {
    const form = new FormData()
    form.append("files", new Blob([bytes], { type }), name)
    const res = await fetch(`${server.url}/admin/uploads`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form })
    return { status: res.status, body: await res.json().catch(() => null) }
  }

  it("stores a photo without its EXIF position, with 200/600/1200 px WebP and AVIF variants served as immutable", async () => {
    const photo = await jpegWithGpsPosition(1600, 1000)
    expect(exifHasGps((await sharp(photo).metadata()).exif)).toBe(true)

    const { status, body } = await upload(photo, "necklace.jpg", "image/jpeg")
    expect(status).toBe(200)
    const [{ url, key }] = body.uploads
    expect(url).toMatch(/\/uploads\/products\/[0-9a-f-]{36}\/original\.jpg$/)

    const original = await fetch(url)
    expect(original.status).toBe(200)
    expect(original.headers.get("content-type")).toBe("image/jpeg")
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    const stored = await sharp(Buffer.from(await original.arrayBuffer())).metadata()
    expect(stored.exif).toBeUndefined()
    expect([stored.width, stored.height]).toEqual([1600, 1000])
    expect(fs.existsSync(path.join(uploadsDir, key))).toBe(true)

    const base = url.replace(/original\.jpg$/, "")
    for (const width of [200, 600, 1200]) {
      for (const [format, mime] of [["webp", "image/webp"], ["avif", "image/avif"]]) {
        const res = await fetch(`${base}${width}w.${format}`)
        expect(res.status).toBe(200)
        expect(res.headers.get("content-type")).toBe(mime)
        expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
        const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
        expect(meta.width).toBe(width)
        expect(meta.height).toBe(Math.round((width * 1000) / 1600))
      }
    }
  })

  it("judges a file by its bytes, not its name: a PNG named .jpg is stored as a PNG", async () => {
    const { status, body } = await upload(await solidImage("png"), "mislabelled.jpg", "image/jpeg")
    expect(status).toBe(200)
    expect(body.uploads[0].url).toMatch(/original\.png$/)
  })

  it("takes WebP and AVIF originals", async () => {
    for (const format of ["webp", "avif"] as const) {
      const { status, body } = await upload(await solidImage(format), `photo.${format}`, `image/${format}`)
      expect(status).toBe(200)
      expect(body.uploads[0].url).toMatch(new RegExp(`original\\.${format}$`))
    }
  })

  it.each([
    ["a text file named like a PNG", () => Buffer.from("not an image at all"), "photo.png", /not an image: upload a JPEG, PNG, WebP or AVIF/],
    ["a GIF", () => solidImage("gif"), "anim.gif", /is GIF: upload a JPEG, PNG, WebP or AVIF/],
    ["a TIFF", () => solidImage("tiff"), "scan.tiff", /is TIFF: upload a JPEG, PNG, WebP or AVIF/],
    [
      "an SVG (it can carry script)",
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      "logo.png",
      /is SVG: upload a JPEG, PNG, WebP or AVIF/,
    ],
  ])("refuses %s with 400", async (_label, make, name, message) => {
    const { status, body } = await upload(await make(), name, "image/png")
    expect(status).toBe(400)
    expect(body.message).toMatch(message)
  })

  it("refuses a decompression bomb (a tiny PNG claiming 900 megapixels) before decoding it", async () => {
    const bomb = pngBomb(30_000, 30_000)
    expect(bomb.length).toBeLessThan(100_000)
    const { status, body } = await upload(bomb, "bomb.png", "image/png")
    expect(status).toBe(400)
    expect(body.message).toMatch(/30000×30000 pixels \(900\.0 megapixels\); an image may have at most 30\.0 megapixels/)
  })

  it("refuses an upload over UPLOAD_MAX_BYTES with 413 before storing anything", async () => {
    const before = fs.readdirSync(path.join(uploadsDir, "products")).length
    const { status, body } = await upload(Buffer.alloc(MAX_BYTES + 1024, 7), "huge.jpg", "image/jpeg")
    expect(status).toBe(413)
    expect(body.message).toMatch(/uploads may be at most 3145728 bytes/)
    expect(fs.readdirSync(path.join(uploadsDir, "products")).length).toBe(before)
  })

  it("refuses uploads from anyone but a signed-in admin", async () => {
    const form = new FormData()
    form.append("files", new Blob([await solidImage("png")], { type: "image/png" }), "x.png")
    const res = await fetch(`${server.url}/admin/uploads`, { method: "POST", body: form })
    expect(res.status).toBe(401)
  })

  it("lets a merchandiser add an image to a product in Medusa Admin", async () => {
    const product = await firstProduct(server.url, token)
    // Seeded products already have a photo stored as an upload: the new one is the image not there before.
    const before = new Set((product.images ?? []).map((i: { url: string }) => i.url))
    const photo = path.join(uploadsDir, "studio-shot.jpg")
    fs.writeFileSync(photo, await jpegWithGpsPosition(900, 900))

    const browser = await launchChromium()
    try {
      const errors: string[] = []
      const page = await adminPage(browser, server.url, errors)
      await page.goto(`${server.url}/app/a/products/${product.id}`)
      // The Media section's one action opens the image editor with its file drop zone.
      await page.getByRole("button", { name: "Edit Media" }).click({ timeout: 60_000 })
      await page.getByRole("heading", { name: "Edit Media" }).waitFor()
      await page.locator('input[type="file"]').setInputFiles(photo)
      const uploaded = page.waitForResponse((r) => r.url().endsWith("/admin/uploads") && r.request().method() === "POST")
      await page.getByRole("button", { name: "Save and close" }).click()
      expect((await uploaded).status()).toBe(200)
      await page.waitForResponse((r) => r.url().includes(`/admin/products/${product.id}`) && r.request().method() === "POST")

      const after = await fetch(`${server.url}/admin/products/${product.id}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())
      const image = after.product.images.find(
        (i: { url: string }) => !before.has(i.url) && /\/uploads\/products\/[0-9a-f-]{36}\/original\.jpg$/.test(i.url)
      )
      expect(image).toBeDefined()
      expect((await fetch(image.url)).status).toBe(200)
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

async function firstProduct(url: string, token: string) {
  const res = await fetch(`${url}/admin/products?limit=1`, { headers: { authorization: `Bearer ${token}` } })
  return (await res.json()).products[0]
}
