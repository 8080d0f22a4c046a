/** @jest-environment node */
import {
  ORDER_ACCESS_COOKIE, SESSION_COOKIE, browserIp, clearSession, readOrderAccess, readSessionToken, writeOrderAccess, writeSession, type CookieJar,
} from "../session"

function jar(): CookieJar & { set: jest.Mock; values: Map<string, string> } {
  const values = new Map<string, string>()
  const set = jest.fn((name: string, value: string) => values.set(name, value))
  return { values, set, get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined) }
}

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.signature`
const headers = (xff?: string) => ({ get: (name: string) => (name === "x-forwarded-for" ? xff ?? null : null) })

describe("customer session cookie", () => {
  it("is httpOnly, SameSite=Lax on /, Secure in production, and lives as long as Medusa's token", () => {
    const cookies = jar()
    const now = Date.UTC(2026, 0, 1)
    const token = jwt({ customer_id: "cus_1", exp: now / 1000 + 3600 })
    writeSession(cookies, token, { NODE_ENV: "production" }, now)
    expect(cookies.set).toHaveBeenCalledWith(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 3600 })
    expect(readSessionToken(cookies)).toBe(token)
  })

  it("is not Secure under next dev, which may serve plain http on a LAN address", () => {
    const cookies = jar()
    writeSession(cookies, jwt({ customer_id: "cus_1" }), { NODE_ENV: "development" })
    expect(cookies.set.mock.calls[0][2]).toMatchObject({ secure: false, httpOnly: true, maxAge: 7 * 24 * 3600 })
  })

  it("is emptied and expired on logout", () => {
    const cookies = jar()
    writeSession(cookies, jwt({ exp: Date.now() / 1000 + 60 }), { NODE_ENV: "production" })
    clearSession(cookies, { NODE_ENV: "production" })
    expect(cookies.set).toHaveBeenLastCalledWith(SESSION_COOKIE, "", expect.objectContaining({ maxAge: 0, httpOnly: true }))
    expect(readSessionToken(cookies)).toBeNull()
  })
})

describe("guest order access cookie", () => {
  it("round-trips the order a browser proved, and nothing malformed", () => {
    const cookies = jar()
    writeOrderAccess(cookies, { order_id: "order_1", display_id: 12, email: "ada@example.com" }, { NODE_ENV: "production" })
    expect(cookies.set.mock.calls[0][2]).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax" })
    expect(readOrderAccess(cookies)).toEqual({ order_id: "order_1", display_id: 12, email: "ada@example.com" })
    cookies.values.set(ORDER_ACCESS_COOKIE, Buffer.from(JSON.stringify({ order_id: "order_1" })).toString("base64url"))
    expect(readOrderAccess(cookies)).toBeNull()
    cookies.values.set(ORDER_ACCESS_COOKIE, "not base64 json")
    expect(readOrderAccess(cookies)).toBeNull()
  })
})

describe("the browser address forwarded to Medusa", () => {
  it("believes the entry the proxy in front of the storefront appended, not what the client wrote before it", () => {
    expect(browserIp(headers("6.6.6.6, 203.0.113.7"), {})).toBe("203.0.113.7")
    expect(browserIp(headers("6.6.6.6, 203.0.113.7, 10.0.0.2"), { STOREFRONT_PROXY_HOPS: "2" })).toBe("203.0.113.7")
    expect(browserIp(headers("::ffff:127.0.0.1"), {})).toBe("::ffff:127.0.0.1")
  })

  it("forwards nothing rather than a header that is not an address", () => {
    expect(browserIp(headers(), {})).toBeNull()
    expect(browserIp(headers("evil\r\nX-Injected: 1"), {})).toBeNull()
    expect(browserIp(headers("unknown"), {})).toBeNull()
  })
})
