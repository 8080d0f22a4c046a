import { startServer, TestServer } from "../../../test-support/server"

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
})
