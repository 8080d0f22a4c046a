import { render, screen } from "@testing-library/react"
import { artifactPhoto } from "@/lib/artifact-photo"
import { ArtifactMedia } from "../artifact-media"

const SERVER = "http://localhost:9000"
const PHOTO = `${SERVER}/uploads/products/0f8fad5b-d9cb-469f-a165-70867728950e/original.jpg`
const twin = { title: "Amradjet Emerald Pendant", image_url: "/ipfs/bafkreitwin" }

describe("the artifact page's image", () => {
  it("is the piece's photo when it has one: eager, high priority, fixed size, from its variants; the twin's SVG beside it", () => {
    const { container } = render(<ArtifactMedia twin={{ ...twin, product_thumbnail: PHOTO }} />)
    const photo = screen.getByRole("img", { name: "Amradjet Emerald Pendant" })
    expect(photo).toHaveAttribute("src", PHOTO)
    expect(photo).toHaveAttribute("loading", "eager")
    expect(photo).toHaveAttribute("fetchpriority", "high")
    expect([photo.getAttribute("width"), photo.getAttribute("height")]).toEqual(["600", "600"])
    const sources = [...container.querySelectorAll("picture source")].map((s) => [s.getAttribute("type"), s.getAttribute("srcset"), s.getAttribute("sizes")])
    expect(sources.map(([type]) => type)).toEqual(["image/avif", "image/webp"])
    expect(sources[1][1]).toContain("/0f8fad5b-d9cb-469f-a165-70867728950e/600w.webp 600w")
    expect(sources[1][2]).toMatch(/532px/)
    const twinImage = screen.getByTestId("twin-image")
    expect(twinImage).toHaveAttribute("src", `${SERVER}/ipfs/bafkreitwin`)
    expect(twinImage).toHaveAttribute("loading", "lazy")
    expect(twinImage).not.toHaveAttribute("fetchpriority")
    expect(Number(twinImage.getAttribute("width"))).toBeLessThan(600)
  })

  it("is the twin's SVG without a raster photo", () => {
    for (const thumbnail of [null, undefined, `${SERVER}/static/products/pendant.svg`]) {
      const { unmount } = render(<ArtifactMedia twin={{ ...twin, product_thumbnail: thumbnail }} />)
      expect(screen.queryByTestId("artifact-photo")).toBeNull()
      const main = screen.getByRole("img", { name: "Amradjet Emerald Pendant" })
      expect(main).toHaveAttribute("src", `${SERVER}/ipfs/bafkreitwin`)
      expect(main).toHaveAttribute("fetchpriority", "high")
      unmount()
    }
  })

  it("takes a photo the server names by path as served by the server", () => {
    expect(artifactPhoto("/uploads/a.png")).toBe(`${SERVER}/uploads/a.png`)
    expect(artifactPhoto("https://cdn.example/p/a.webp?v=2")).toBe("https://cdn.example/p/a.webp?v=2")
    expect(artifactPhoto("https://cdn.example/p/a.svg")).toBeNull()
    expect(artifactPhoto("not a url.jpg")).toBeNull()
  })
})
