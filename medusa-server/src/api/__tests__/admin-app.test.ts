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

  it("gives anonymous visitors no session cookie", async () => {
    const res = await fetch(`${server.url}/store/products?limit=1`, { headers: { "x-publishable-api-key": testSeed().publishableKeys.com } })
    expect(res.status).toBe(200)
    expect(res.headers.get("set-cookie")).toBeNull()
  })
})
