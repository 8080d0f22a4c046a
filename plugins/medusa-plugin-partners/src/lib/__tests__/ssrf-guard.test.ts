import { assertSafeUrl, blockedReason } from "../ssrf-guard"

const guard = { allowedHosts: [] as string[] }

describe("the SSRF guard", () => {
  it.each([
    "http://127.0.0.1/hook",
    "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://10.1.2.3/hook",
    "http://172.20.0.1/hook",
    "http://192.168.1.10/hook",
    "http://2130706433/hook", // decimal 127.0.0.1
    "http://0x7f000001/hook", // hex 127.0.0.1
    "http://017700000001/hook", // octal 127.0.0.1
    "http://[::ffff:127.0.0.1]/hook", // IPv4-mapped IPv6
    "http://[::ffff:a9fe:a9fe]/hook", // mapped metadata address in hex
    "http://[64:ff9b::a00:1]/hook", // NAT64 of 10.0.0.1
    "http://[fe80::1]/hook",
    "http://[fd00:ec2::254]/hook", // AWS IPv6 metadata
    "http://224.0.0.1/hook",
    "http://0.0.0.0/hook",
    "http://localhost/hook",
    "http://[2002:7f00:1::]/hook", // 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::1]/hook", // 6to4 of the metadata address
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", // Teredo
    "http://[2001::1]/hook", // Teredo prefix itself
    "http://[64:ff9b:1::a00:1]/hook", // local-use NAT64 (RFC 8215) of 10.0.0.1
    "http://[64:ff9b:1:ffff::7f00:1]/hook", // anywhere in 64:ff9b:1::/48
    "http://[::7f00:1]/hook", // IPv4-compatible 127.0.0.1
    "http://[::ffff:0:a00:1]/hook", // SIIT (RFC 6145) of 10.0.0.1
    "http://100.64.0.1/hook", // carrier-grade NAT
    "http://198.18.0.1/hook", // benchmarking
    "http://[2001:db8::1]/hook", // documentation
    "http://[fec0::1]/hook", // site-local
  ])("refuses %s", async (url) => {
    await expect(assertSafeUrl(url, guard)).rejects.toThrow(/not allowed|cannot be resolved/)
  })

  it("refuses schemes other than http(s) and URLs carrying credentials", async () => {
    await expect(assertSafeUrl("file:///etc/passwd", guard)).rejects.toThrow(/http or https/)
    await expect(assertSafeUrl("gopher://example.com/", guard)).rejects.toThrow(/http or https/)
    await expect(assertSafeUrl("https://user:pw@93.184.215.14/", guard)).rejects.toThrow(/credentials/)
    await expect(assertSafeUrl("not a url", guard)).rejects.toThrow(/not a valid URL/)
  })

  it("accepts public addresses", async () => {
    await expect(assertSafeUrl("https://93.184.215.14/hook", guard)).resolves.toBeInstanceOf(URL)
    await expect(assertSafeUrl("https://[2606:4700::6810:84e5]/hook", guard)).resolves.toBeInstanceOf(URL)
    expect(blockedReason("8.8.8.8")).toBeNull()
    expect(blockedReason("172.32.0.1")).toBeNull()
    expect(blockedReason("2a00:1450:4001:81a::200e")).toBeNull()
    expect(blockedReason("[2606:4700::6810:84e5]")).toBeNull()
  })

  it("names why an address is refused, judging mapped IPv4 by the IPv4 host", () => {
    expect(blockedReason("2002:7f00:1::")).toMatch(/6to4/)
    expect(blockedReason("2001:0:4136:e378:8000:63bf:3fff:fdd2")).toMatch(/teredo/)
    expect(blockedReason("64:ff9b:1::a00:1")).toMatch(/rfc6052/)
    expect(blockedReason("::ffff:169.254.169.254")).toMatch(/maps to 169\.254\.169\.254 is a linkLocal/)
    expect(blockedReason("::ffff:8.8.8.8")).toBeNull()
    expect(blockedReason("not-an-ip")).toMatch(/not an IP address/)
  })

  it("lets an explicitly allow-listed name through, and only that name", async () => {
    const allow = { allowedHosts: ["localhost"] }
    await expect(assertSafeUrl("http://localhost:4000/hook", allow)).resolves.toBeInstanceOf(URL)
    await expect(assertSafeUrl("http://127.0.0.1:4000/hook", allow)).rejects.toThrow(/loopback/)
  })
})
