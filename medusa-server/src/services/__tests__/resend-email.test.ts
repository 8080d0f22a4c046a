import http from "http"
import { AddressInfo } from "net"
import { LOW_STOCK_EVENT } from "@pva/medusa-plugin-partners"

/** A stand-in for Resend's HTTP API on loopback, so the real `resend` SDK runs without the internet. */
async function fakeResend(status = 200) {
  const requests: Array<{ path: string; auth: string; body: any }> = []
  const server = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (c) => (raw += c))
    req.on("end", () => {
      requests.push({ path: req.url ?? "", auth: String(req.headers.authorization), body: JSON.parse(raw || "{}") })
      res.writeHead(status, { "content-type": "application/json" })
      res.end(status === 200 ? JSON.stringify({ id: "email_123" }) : JSON.stringify({ name: "validation_error", message: "bad from", statusCode: status }))
    })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return { requests, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) }
}

const stock = { id: "variant_1", sku: "GEM-001", product_id: "prod_1", product_title: "Amradjet Emerald Pendant", variant_title: "Standard", quantity: 4, reorder_point: 10, partner: { id: "partner_1", name: "Lukuni", contact_email: "orders@lukuni.example" } }

describe("email through Resend", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it("sends the rendered email with the API key when RESEND_API_KEY is set", async () => {
    const api = await fakeResend()
    Object.assign(process.env, { RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: api.url, ADMIN_ALERT_EMAIL: "ops@pvabazaar.test", EMAIL_FROM: "PVA Bazaar <alerts@pvabazaar.test>" })
    const PvaEmailService = require("../pva-email").default
    const outbox = { record: jest.fn() }
    const provider = new PvaEmailService({ emailOutboxService: outbox })
    const result = await provider.sendNotification(LOW_STOCK_EVENT, stock)
    await api.close()
    expect(result).toMatchObject({ to: "ops@pvabazaar.test", status: "sent", data: { via: "resend" } })
    expect(api.requests).toHaveLength(1)
    expect(api.requests[0].path).toBe("/emails")
    expect(api.requests[0].auth).toBe("Bearer re_test_key")
    expect(api.requests[0].body).toMatchObject({
      from: "PVA Bazaar <alerts@pvabazaar.test>",
      to: "ops@pvabazaar.test",
      subject: "Low stock: Amradjet Emerald Pendant (GEM-001) has 4 left",
    })
    expect(api.requests[0].body.html).toContain("© PVA Bazaar".replace("©", "&copy;"))
    expect(outbox.record).not.toHaveBeenCalled()
  })

  it("fails loudly when Resend refuses, so the notification is not recorded as sent", async () => {
    const api = await fakeResend(422)
    Object.assign(process.env, { RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: api.url })
    const PvaEmailService = require("../pva-email").default
    const provider = new PvaEmailService({ emailOutboxService: { record: jest.fn() } })
    await expect(provider.sendNotification(LOW_STOCK_EVENT, stock)).rejects.toThrow(/Resend refused the email: bad from/)
    await api.close()
  })

  it("writes to the outbox when no key is set", async () => {
    delete process.env.RESEND_API_KEY
    const PvaEmailService = require("../pva-email").default
    const outbox = { record: jest.fn() }
    const provider = new PvaEmailService({ emailOutboxService: outbox })
    const result = await provider.sendNotification("pva.partner.reorder_requested", stock)
    expect(result).toMatchObject({ to: "orders@lukuni.example", data: { via: "outbox" } })
    expect(outbox.record).toHaveBeenCalledWith(expect.objectContaining({ to: "orders@lukuni.example", event_name: "pva.partner.reorder_requested", resource_id: "variant_1" }))
  })
})
