import { startServer, TestServer } from "@pva/test-support/server"
import { testSeed } from "@pva/test-support/store"

describe("Medusa Admin", () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer(process.env.PVA_TEST_DATABASE_URL!, { MEDUSA_ADMIN_SERVE: "true" })
  })
  afterAll(async () => server?.stop())

  it("is served at /app", async () => {
    const res = await fetch(`${server.url}/app`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/html/)
    expect(await res.text()).toMatch(/<div id="root">|<script/)
  })

  it("lets the dev admin log in through the admin API it uses", async () => {
    const res = await fetch(`${server.url}/admin/auth`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:9000" },
      body: JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).user.email).toBe("admin@pvabazaar.local")
  })

  it("keeps the admin signed in when requests that started before the login finish after it", async () => {
    // Like a browser: one cookie jar; each request sends what the jar holds when it starts and
    // stores any cookie it is given when it ends. Medusa Admin keeps polling while its login
    // form is submitted.
    const signInWhilePolling = async () => {
      let cookie = ""
      const send = async (path: string, init: RequestInit = {}) => {
        const res = await fetch(`${server.url}${path}`, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
        })
        const set = res.headers.get("set-cookie")
        if (set) cookie = set.split(";")[0]
        return { status: res.status, body: await res.text() }
      }
      const catalogue = () => send("/store/products?limit=100", { headers: { "x-publishable-api-key": testSeed().publishableKeys.com } })
      await catalogue()
      let polling = true
      const pollers = Array.from({ length: 6 }, async () => {
        while (polling) await catalogue()
      })
      const login = await send("/admin/auth", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }),
      })
      // Let the requests that were in flight at the login end.
      await new Promise((r) => setTimeout(r, 500))
      polling = false
      await Promise.all(pollers)
      const session = await send("/admin/auth")
      return { login: login.status, session: session.status, email: session.status === 200 ? JSON.parse(session.body).user.email : null }
    }

    for (let round = 0; round < 3; round++) {
      await expect(signInWhilePolling()).resolves.toEqual({ login: 200, session: 200, email: "admin@pvabazaar.local" })
    }
  })

  it("may not be framed by another site (clickjacking)", async () => {
    const res = await fetch(`${server.url}/app/login`)
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'none'")
    expect(res.headers.get("x-frame-options")).toBe("DENY")
  })

  describe("against cross-site requests", () => {
    const ADMIN_ORIGIN = "http://localhost:7001" // in the test server's ADMIN_CORS
    const EVIL = "https://evil.example"
    let cookie: string
    let setCookie: string

    const handle = () => `csrf-${Math.random().toString(36).slice(2, 9)}`
    const partnerForm = (h: string) => new URLSearchParams({ name: `Coop ${h}`, handle: h, country: "Kenya", status: "approved" }).toString()
    const partnerJson = (h: string) => JSON.stringify({ name: `Coop ${h}`, handle: h, country: "Kenya", status: "approved" })
    const post = (path: string, headers: Record<string, string>, body?: string | FormData) =>
      fetch(`${server.url}${path}`, { method: "POST", headers, body })
    const partnerExists = async (h: string) => {
      const res = await fetch(`${server.url}/admin/partners?q=${h}`, { headers: { cookie } })
      expect(res.status).toBe(200)
      return ((await res.json()).partners as Array<{ handle: string }>).some((p) => p.handle === h)
    }

    beforeAll(async () => {
      const login = await post("/admin/auth", { "content-type": "application/json", origin: ADMIN_ORIGIN }, JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }))
      expect(login.status).toBe(200)
      setCookie = login.headers.get("set-cookie") ?? ""
      cookie = setCookie.split(";")[0]
      expect(cookie).toMatch(/^connect\.sid=/)
    })

    it("gives the admin a SameSite=Strict session cookie, so other sites' pages cannot send it", () => {
      expect(setCookie).toMatch(/;\s*SameSite=Strict/i)
      expect(setCookie).not.toMatch(/SameSite=(None|Lax)/i)
    })

    it("refuses an auto-submitted form from another site that rides the admin's cookie", async () => {
      const h = handle()
      const res = await post("/admin/partners", { cookie, origin: EVIL, "content-type": "application/x-www-form-urlencoded" }, partnerForm(h))
      expect(res.status).toBe(403)
      expect((await res.json()).message).toMatch(/admin origin.*evil\.example/)
      await expect(partnerExists(h)).resolves.toBe(false)
    })

    it("judges by Referer when the browser sent no Origin, and refuses a cookie request that names neither", async () => {
      const h = handle()
      const json = { cookie, "content-type": "application/json" }
      expect((await post("/admin/partners", { ...json, referer: `${EVIL}/win-a-prize` }, partnerJson(h))).status).toBe(403)
      expect((await post("/admin/partners", { ...json, origin: "null" }, partnerJson(h))).status).toBe(403)
      const bare = await post("/admin/partners", json, partnerJson(h))
      expect(bare.status).toBe(403)
      expect((await bare.json()).message).toMatch(/bearer token or API token/)
      await expect(partnerExists(h)).resolves.toBe(false)
    })

    it("refuses a form body even from an admin origin: admin routes take JSON", async () => {
      const h = handle()
      const res = await post("/admin/partners", { cookie, origin: ADMIN_ORIGIN, "content-type": "application/x-www-form-urlencoded" }, partnerForm(h))
      expect(res.status).toBe(415)
      expect((await res.json()).message).toMatch(/must be JSON \(Content-Type: application\/json\); got application\/x-www-form-urlencoded/)
      const text = await post("/admin/partners", { cookie, origin: ADMIN_ORIGIN, "content-type": "text/plain" }, partnerJson(h))
      expect(text.status).toBe(415)
      await expect(partnerExists(h)).resolves.toBe(false)
    })

    it("accepts the admin's JSON from an admin origin, from its own /app origin, and a bodiless action", async () => {
      const fromAdminOrigin = handle()
      expect((await post("/admin/partners", { cookie, origin: ADMIN_ORIGIN, "content-type": "application/json" }, partnerJson(fromAdminOrigin))).status).toBe(201)
      const fromApp = handle()
      expect((await post("/admin/partners", { cookie, origin: server.url, "content-type": "application/json" }, partnerJson(fromApp))).status).toBe(201)
      await expect(partnerExists(fromAdminOrigin)).resolves.toBe(true)
      await expect(partnerExists(fromApp)).resolves.toBe(true)
      // Medusa Admin's buttons POST with no body at all (Content-Length: 0, no type).
      const partners = (await (await fetch(`${server.url}/admin/partners?q=${fromApp}`, { headers: { cookie } })).json()).partners
      const rotate = await post(`/admin/partners/${partners[0].id}/rotate-secret`, { cookie, origin: server.url, "content-length": "0" })
      expect(rotate.status).toBe(200)
      expect((await rotate.json()).secret).toMatch(/^whsec_/)
      // Signing out sends no body at all.
      const other = await post("/admin/auth", { "content-type": "application/json", origin: ADMIN_ORIGIN }, JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }))
      const otherCookie = (other.headers.get("set-cookie") ?? "").split(";")[0]
      const out = await fetch(`${server.url}/admin/auth`, { method: "DELETE", headers: { cookie: otherCookie, referer: `${server.url}/app/a/orders` } })
      expect(out.status).toBeLessThan(300)
    })

    it("keeps multipart uploads working for Medusa Admin (POST /admin/uploads) and nowhere else", async () => {
      const files = () => {
        const form = new FormData()
        form.append("files", new Blob(["piece,price\n"], { type: "text/csv" }), "import.csv")
        return form
      }
      const upload = await post("/admin/uploads", { cookie, origin: server.url }, files())
      expect(upload.status).not.toBe(415)
      expect(upload.status).not.toBe(403)
      const elsewhere = await post("/admin/partners", { cookie, origin: server.url }, files())
      expect(elsewhere.status).toBe(415)
    })

    it("lets token-authenticated scripts call from anywhere: a page cannot add those headers", async () => {
      const token = await post("/admin/auth/token", { "content-type": "application/json" }, JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }))
      const { access_token } = await token.json()
      const h = handle()
      const res = await post("/admin/partners", { authorization: `Bearer ${access_token}`, origin: EVIL, "content-type": "application/json" }, partnerJson(h))
      expect(res.status).toBe(201)

      const me = await (await fetch(`${server.url}/admin/auth`, { headers: { cookie } })).json()
      const apiToken = `pva-test-${Math.random().toString(36).slice(2)}`
      const set = await post(`/admin/users/${me.user.id}`, { cookie, origin: ADMIN_ORIGIN, "content-type": "application/json" }, JSON.stringify({ api_token: apiToken }))
      expect(set.status).toBe(200)
      const h2 = handle()
      const viaApiToken = await post("/admin/partners", { "x-medusa-access-token": apiToken, "content-type": "application/json" }, partnerJson(h2))
      expect(viaApiToken.status).toBe(201)
    })
  })

  it("gives anonymous visitors no session cookie", async () => {
    const res = await fetch(`${server.url}/store/products?limit=1`, { headers: { "x-publishable-api-key": testSeed().publishableKeys.com } })
    expect(res.status).toBe(200)
    expect(res.headers.get("set-cookie")).toBeNull()
  })
})
