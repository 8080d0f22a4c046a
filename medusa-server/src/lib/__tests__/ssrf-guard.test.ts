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
  })

  it("lets an explicitly allow-listed name through, and only that name", async () => {
    const allow = { allowedHosts: ["localhost"] }
    await expect(assertSafeUrl("http://localhost:4000/hook", allow)).resolves.toBeInstanceOf(URL)
    await expect(assertSafeUrl("http://127.0.0.1:4000/hook", allow)).rejects.toThrow(/loopback/)
  })
})
