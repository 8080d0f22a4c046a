import { testServerUrl } from "@pva/test-support/store"

// Each of these paths has a PVA (or plugin) middleware under one method; without an
// explicit CORS step Express answered their preflights itself, so browsers on the
// storefront could not add to cart, log in or register.
const PATHS = [
  "/store/carts/cart_123/line-items",
  "/store/carts/cart_123/line-items/item_1",
  "/store/carts/cart_123/complete",
  "/store/auth",
  "/store/auth/token",
  "/store/customers",
  "/store/products",
  "/store/archetype/results",
  "/store/products/search",
  "/store/variants",
  "/store/collections",
  "/store/product-categories",
  "/store/product-tags",
  "/store/product-types",
  "/store/regions",
  "/store/customers/me",
  "/store/customers/me/orders",
]

describe("CORS preflight from the storefront", () => {
  it.each(PATHS)("answers the browser's preflight for POST %s", async (path) => {
    const res = await fetch(`${testServerUrl()}${path}`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:8000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-publishable-api-key,authorization",
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:8000")
    expect(res.headers.get("access-control-allow-credentials")).toBe("true")
  })

  it("does not open the store to an origin it does not know", async () => {
    const res = await fetch(`${testServerUrl()}/store/auth/token`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    })
    expect(res.headers.get("access-control-allow-origin")).toBeNull()
  })
})
