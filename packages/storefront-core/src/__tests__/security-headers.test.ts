/** @jest-environment node */
import { contentSecurityPolicy, imageOriginsFrom, newNonce } from "../security-headers"

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name, values] }))

describe("the storefronts' Content-Security-Policy", () => {
  const shop = directives(contentSecurityPolicy("abc123", { backendUrl: "https://api.pvabazaar.com/" }))
  const org = directives(
    contentSecurityPolicy("abc123", { backendUrl: "https://api.pvabazaar.com", chainRpcUrl: "https://mainnet.base.org/rpc", walletConnect: true })
  )

  it("runs only scripts carrying the response's nonce, or loaded by one, and is never framed", () => {
    expect(shop["script-src"]).toEqual(expect.arrayContaining(["'nonce-abc123'", "'strict-dynamic'"]))
    expect(shop["script-src"]).not.toContain("'unsafe-inline'")
    expect(shop["script-src"]).not.toContain("'unsafe-eval'")
    expect(shop["frame-ancestors"]).toEqual(["'none'"])
    expect(shop["object-src"]).toEqual(["'none'"])
    expect(shop["default-src"]).toEqual(["'self'"])
  })

  it("lets Stripe.js load, open its frames and call its API on both sites", () => {
    for (const site of [shop, org]) {
      expect(site["script-src"]).toContain("https://js.stripe.com")
      expect(site["frame-src"]).toEqual(expect.arrayContaining(["https://js.stripe.com", "https://hooks.stripe.com"]))
      expect(site["connect-src"]).toContain("https://api.stripe.com")
    }
  })

  it("reaches Medusa and, on .org, the chain's RPC and WalletConnect only when configured", () => {
    expect(shop["connect-src"]).toEqual(["'self'", "https://api.pvabazaar.com", "https://api.stripe.com"])
    expect(shop["img-src"]).toContain("https://api.pvabazaar.com")
    expect(org["connect-src"]).toContain("https://mainnet.base.org")
    expect(org["connect-src"]).toContain("wss://relay.walletconnect.com")
    expect(shop["frame-src"]).not.toContain("https://verify.walletconnect.com")
  })

  it("lets images come from the bucket or CDN named in STOREFRONT_IMAGE_ORIGINS, and only from there", () => {
    const withCdn = directives(
      contentSecurityPolicy("n", { backendUrl: "https://api.pvabazaar.com", imageOrigins: imageOriginsFrom(" https://cdn.pvabazaar.com/products/ ,https://bucket.s3.amazonaws.com") })
    )
    expect(withCdn["img-src"]).toEqual(expect.arrayContaining(["https://cdn.pvabazaar.com", "https://bucket.s3.amazonaws.com"]))
    expect(withCdn["connect-src"]).not.toContain("https://cdn.pvabazaar.com")
    expect(shop["img-src"]).not.toContain("https://cdn.pvabazaar.com")
    expect(() => imageOriginsFrom("cdn.pvabazaar.com")).toThrow(/STOREFRONT_IMAGE_ORIGINS: "cdn.pvabazaar.com" is not an http\(s\) URL/)
  })

  it("allows no wildcard source anywhere", () => {
    expect(contentSecurityPolicy("n", { backendUrl: "https://api.pvabazaar.com", chainRpcUrl: "http://127.0.0.1:8545" })).not.toMatch(/(^|\s)(\*|https:|http:)(\s|;|$)/)
  })

  it("lets `next dev` refresh the page, and only there", () => {
    const dev = directives(contentSecurityPolicy("n", { backendUrl: "http://localhost:9000", development: true }))
    expect(dev["script-src"]).toContain("'unsafe-eval'")
    expect(dev["connect-src"]).toContain("ws:")
  })

  it("gives every response a fresh, unguessable nonce", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce))
    expect(nonces.size).toBe(200)
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16)
  })
})
