import { startServer } from "@pva/test-support/server"
import { FAST_WEBHOOKS, PartnerHarness } from "../../../test-support/partner-harness"
import { standardWebhookValid, startReceiver, waitFor } from "../../../test-support/webhook-receiver"

// First attempt at once, the retry 20 s later: the window in which the server dies. It is
// wide because the three orders themselves can take seconds on a loaded machine.
// The orders stay unpaid across the restart too, so their only deliveries are `order.placed`.
const ENV = { WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,20,1,1", MANUAL_PAYMENT_AUTO_CAPTURE: "false" }

const h = new PartnerHarness()
let receiver: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  receiver = await startReceiver()
  await h.start("restart", ENV)
})
afterAll(async () => {
  await h.stop()
  await receiver?.close()
})

describe("webhook deliveries across a crash", () => {
  it("resume after the server is killed with deliveries pending, and none is delivered twice", async () => {
    receiver.script("/a", [], { status: 503 })
    receiver.script("/b", [], { status: 503 })
    const a = await h.partner({ webhook_url: receiver.url("/a") })
    const b = await h.partner({ webhook_url: receiver.url("/b") })
    const pa = await h.product(a.id)
    const pb = await h.product(b.id)
    await h.order([{ variantId: pa.variantId }, { variantId: pb.variantId }])
    await h.order([{ variantId: pa.variantId }])
    await h.order([{ variantId: pb.variantId }])

    const pending = await waitFor("first attempts", async () => {
      const rows = await h.sql(`SELECT id, attempts FROM webhook_delivery WHERE status = 'pending' ORDER BY id`)
      return rows.length === 4 && rows.every((r) => r.attempts === 1) && rows
    })
    h.server.process.kill("SIGKILL")
    await new Promise((resolve) => h.server.process.once("exit", resolve))

    receiver.script("/a", [], { status: 200 })
    receiver.script("/b", [], { status: 200 })
    h.server = await startServer(h.db.url, { ...FAST_WEBHOOKS, ...ENV })

    await waitFor(
      "every delivery",
      async () => (await h.sql(`SELECT count(*)::int AS n FROM webhook_delivery WHERE status = 'delivered'`))[0].n === 4,
      60_000
    )
    await new Promise((r) => setTimeout(r, 1500)) // anything sent twice would have arrived by now
    const successes = receiver.received.filter((r) => r.answered === 200)
    expect(successes.map((r) => r.id).sort()).toEqual(pending.map((r) => r.id).sort())
    for (const msg of successes) expect(standardWebhookValid(msg.path === "/a" ? a.secret : b.secret, msg)).toBe(true)
    const rows = await h.sql(`SELECT attempts FROM webhook_delivery`)
    expect(rows.map((r) => r.attempts)).toEqual([2, 2, 2, 2])
  })
})
