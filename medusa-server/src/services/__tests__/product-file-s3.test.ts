import fs from "fs"
import os from "os"
import path from "path"
import sharp from "sharp"
import { freePort } from "@pva/test-support/database"
import { exifHasGps, jpegWithGpsPosition } from "@pva/test-support/images"
import { seedImageBytes, seedImageId } from "../../seed/product-image"
import ProductFileService from "../product-file"

// s3rver: a loopback stand-in for S3 (path-style bucket addresses, signed requests).
const S3rver = require("s3rver")

describe("product images in S3-compatible storage", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-s3rver-"))
  const saved = { ...process.env }
  let s3: any
  let endpoint: string
  let service: ProductFileService

  beforeAll(async () => {
    const port = await freePort()
    s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "pva-media" }] })
    await s3.run()
    endpoint = `http://127.0.0.1:${port}`
    Object.assign(process.env, {
      S3_BUCKET: "pva-media",
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    })
    service = new ProductFileService({})
  })
  afterAll(async () => {
    process.env = saved
    await s3?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const tempFile = (bytes: Buffer, name: string) => {
    const file = path.join(dir, `upload-${Math.random().toString(36).slice(2)}`)
    fs.writeFileSync(file, bytes)
    return { path: file, originalname: name }
  }

  it("stores the stripped original and its variants in the bucket, each with immutable caching", async () => {
    const { url, key } = await service.upload(tempFile(await jpegWithGpsPosition(1400, 700), "ring.jpg"))
    expect(url).toBe(`${endpoint}/pva-media/${key}`)
    expect(key).toMatch(/^products\/[0-9a-f-]{36}\/original\.jpg$/)

    const original = await fetch(url)
    expect(original.status).toBe(200)
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    const meta = await sharp(Buffer.from(await original.arrayBuffer())).metadata()
    expect(exifHasGps(meta.exif)).toBe(false)

    for (const name of ["200w.webp", "600w.avif", "1200w.webp", "1200w.avif"]) {
      const res = await fetch(url.replace("original.jpg", name))
      expect(res.status).toBe(200)
      expect(res.headers.get("content-type")).toBe(name.endsWith("avif") ? "image/avif" : "image/webp")
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    }
  })

  it("deletes an image with its variants", async () => {
    const { url, key } = await service.upload(tempFile(await jpegWithGpsPosition(600, 600), "gone.jpg"))
    await service.delete({ fileKey: key })
    expect((await fetch(url)).status).toBe(404)
    expect((await fetch(url.replace("original.jpg", "600w.webp"))).status).toBe(404)
  })

  it("stores an image the server makes itself (the seed's) once per id, with its variants; again, it writes nothing", async () => {
    const bytes = await seedImageBytes({ handle: "s3-seed-piece", material: "Emerald" })
    const id = seedImageId(bytes)
    const first = await service.storeImageOnce(bytes, "the seed image", id)
    expect(first.key).toBe(`products/${id}/original.jpg`)
    const stored = await fetch(first.url)
    expect(stored.status).toBe(200)
    const lastModified = stored.headers.get("last-modified")
    expect((await fetch(first.url.replace("original.jpg", "1200w.avif"))).status).toBe(200)

    await new Promise((resolve) => setTimeout(resolve, 1100)) // Last-Modified counts whole seconds
    expect(await service.storeImageOnce(bytes, "the seed image", id)).toEqual(first)
    expect((await fetch(first.url)).headers.get("last-modified")).toBe(lastModified)
  })

  // Keeping `private/` unreadable without a signature is the bucket policy's job (README); s3rver has none.
  it("keeps a protected upload (an import CSV) under private/, fetched through a signed link", async () => {
    const { key } = await service.uploadProtected({ ...tempFile(Buffer.from("handle,title\nx,X\n"), "import.csv"), mimetype: "text/csv" } as any)
    expect(key).toMatch(/^private\/[0-9a-f-]{36}\/import\.csv$/)
    const signed = await service.getPresignedDownloadUrl({ fileKey: key })
    expect(signed).toMatch(/X-Amz-Signature=/)
    expect(await (await fetch(signed)).text()).toBe("handle,title\nx,X\n")
  })
})
