import sharp from "sharp"
import { SEED_PRODUCTS } from "../catalog"
import { SEED_IMAGE_SIZE, seedImageBytes, seedImageId } from "../product-image"

describe("the seed's product photos", () => {
  const pendant = SEED_PRODUCTS.find((p) => p.handle === "amradjet-emerald-pendant")!
  const fish = SEED_PRODUCTS.find((p) => p.handle === "malachite-fish")!

  it("are 1200 px JPEGs, large enough for every responsive variant", async () => {
    const meta = await sharp(await seedImageBytes(pendant)).metadata()
    expect(meta).toMatchObject({ format: "jpeg", width: SEED_IMAGE_SIZE, height: SEED_IMAGE_SIZE })
  })

  it("are the same bytes, at the same address, every time they are made", async () => {
    const [a, b] = [await seedImageBytes(pendant), await seedImageBytes(pendant)]
    expect(a.equals(b)).toBe(true)
    expect(seedImageId(a)).toBe(seedImageId(b))
    expect(seedImageId(a)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it("differ from one piece to the next", async () => {
    expect(seedImageId(await seedImageBytes(pendant))).not.toBe(seedImageId(await seedImageBytes(fish)))
  })
})
