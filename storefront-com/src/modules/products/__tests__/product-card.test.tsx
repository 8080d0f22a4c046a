import { render, screen, within } from "@testing-library/react"
import { ProductCard } from "../product-card"

// A `GET /store/catalog` item as listing pages receive it.
const item = {
  id: "prod_1",
  title: "Amradjet Emerald Pendant",
  handle: "amradjet-emerald-pendant",
  thumbnail: null,
  price: { amount: 50000, currency_code: "usd" },
  in_stock: true,
  digital_twin: true,
}

describe("a catalog product card", () => {
  it("shows a sale price with the earlier price struck through", () => {
    render(<ProductCard product={{ ...item, original_price: { amount: 62500 } }} currencyCode="usd" />)
    const card = screen.getByTestId("product-card")
    expect(within(card).getByTestId("price")).toHaveTextContent("$500.00")
    const was = within(card).getByTestId("original-price")
    expect(was.tagName).toBe("S")
    expect(was).toHaveTextContent("$625.00")
  })

  it("shows just the price when the piece is not on sale", () => {
    render(<ProductCard product={item} currencyCode="usd" />)
    expect(screen.getByTestId("price")).toHaveTextContent("$500.00")
    expect(screen.queryByTestId("original-price")).toBeNull()
  })
})

describe("a product card's image", () => {
  const uploaded = "https://cdn.pvabazaar.com/products/0b6c2f0e-8d1a-4c3e-9f51-2a7e5d4c3b21/original.jpg"
  const folder = uploaded.replace("original.jpg", "")

  it("offers an uploaded image's AVIF and WebP renderings at 200, 600 and 1200 px, at a fixed size", () => {
    const { container } = render(<ProductCard product={{ ...item, thumbnail: uploaded }} currencyCode="usd" />)
    const [avif, webp] = Array.from(container.querySelectorAll("picture source"))
    expect(avif.getAttribute("type")).toBe("image/avif")
    expect(avif.getAttribute("srcset")).toBe(`${folder}200w.avif 200w, ${folder}600w.avif 600w, ${folder}1200w.avif 1200w`)
    expect(webp.getAttribute("type")).toBe("image/webp")
    expect(webp.getAttribute("srcset")).toBe(`${folder}200w.webp 200w, ${folder}600w.webp 600w, ${folder}1200w.webp 1200w`)
    expect(avif.getAttribute("sizes")).toBe("(max-width: 640px) 50vw, 320px")
    const img = container.querySelector("picture img")!
    expect(img.getAttribute("src")).toBe(uploaded)
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["320", "320"])
    expect((img as HTMLElement).style.aspectRatio).toBe("320 / 320")
  })

  it("shows an image without renderings (the seed's illustrations) as it is, still at a fixed size", () => {
    const { container } = render(<ProductCard product={{ ...item, thumbnail: "http://localhost:9000/static/products/x.svg" }} currencyCode="usd" />)
    expect(container.querySelector("picture")).toBeNull()
    const img = container.querySelector("img")!
    expect(img.getAttribute("srcset")).toBeNull()
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["320", "320"])
  })
})
