import { ConfigError, readServerEnv } from "../env"

describe("which proxies may name the client (TRUST_PROXY)", () => {
  it("trusts none by default", () => {
    expect(readServerEnv({}).trustProxy).toBe(false)
    expect(readServerEnv({ TRUST_PROXY: "none" }).trustProxy).toBe(false)
  })

  it("takes named ranges, addresses and subnets", () => {
    expect(readServerEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8,192.168.1.7" }).trustProxy).toEqual(["loopback", "10.0.0.0/8", "192.168.1.7"])
  })

  it("refuses settings that would trust any client, and malformed addresses", () => {
    for (const value of ["true", "*", "1", "10.0.0.0/99", "not-an-address"]) {
      expect(() => readServerEnv({ TRUST_PROXY: value })).toThrow(ConfigError)
    }
  })
})

describe("the shop's address in emailed links (STOREFRONT_COM_URL)", () => {
  it("defaults to the local shop and drops a trailing slash", () => {
    expect(readServerEnv({}).storefrontComUrl).toBe("http://localhost:8000")
    expect(readServerEnv({ STOREFRONT_COM_URL: "https://pvabazaar.com/" }).storefrontComUrl).toBe("https://pvabazaar.com")
  })

  it("must be an http(s) URL", () => {
    expect(() => readServerEnv({ STOREFRONT_COM_URL: "javascript:alert(1)" })).toThrow(/STOREFRONT_COM_URL/)
  })
})
