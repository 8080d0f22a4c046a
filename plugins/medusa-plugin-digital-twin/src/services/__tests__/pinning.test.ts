// With a pinning service configured, a twin's image and metadata are pinned before any voucher
// names them, and a service that answers another CID stops the claim. The service here is a
// loopback server speaking Pinata's pinFileToIPFS API, computing CIDs independently.
import { cidForBytes } from "@pva/contracts"
import http from "http"
import type { AddressInfo } from "net"
import { buyTwinPiece, newCustomer } from "../../../test-support/orders"
import { startTwinStack, type TwinStack } from "../../../test-support/twin-stack"

type Upload = { cid: string; name: string; authorization: string | undefined; options: string }
const uploads: Upload[] = []
let behaviour: "honest" | "lying" | "refusing" = "honest"
let pinata: http.Server
let stack: TwinStack

beforeAll(async () => {
  pinata = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (req.method !== "POST" || req.url !== "/pinning/pinFileToIPFS") {
      res.writeHead(404).end()
      return
    }
    const form = await new Request("http://pinata.local/", { method: "POST", headers: { "content-type": req.headers["content-type"]! }, body: Buffer.concat(chunks) }).formData()
    const file = form.get("file") as File
    const cid = cidForBytes(new Uint8Array(await file.arrayBuffer()))
    uploads.push({ cid, name: file.name, authorization: req.headers.authorization, options: String(form.get("pinataOptions")) })
    if (behaviour === "refusing") {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: { reason: "INVALID_CREDENTIALS" } }))
      return
    }
    const answered = behaviour === "lying" ? cidForBytes("something else") : cid
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ IpfsHash: answered, PinSize: file.size, Timestamp: new Date().toISOString() }))
  })
  await new Promise<void>((resolve) => pinata.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(pinata.address() as AddressInfo).port}`
  stack = await startTwinStack({ PINNING_SERVICE_URL: url, PINNING_SERVICE_KIND: "pinata", PINNING_SERVICE_TOKEN: "test-pinata-jwt" })
}, 300_000)
afterAll(async () => {
  await stack?.stop()
  pinata?.closeAllConnections()
  await new Promise((r) => pinata?.close(r))
})

async function claimableTwin(label: string) {
  const buyer = await newCustomer(label)
  const { tokenIds } = await buyTwinPiece(stack, buyer)
  const wallet = await stack.linkedWallet(buyer.token)
  const code = await stack.claimCodeFor(buyer.email)
  const claim = () => stack.api("POST", "/store/twins/claim", { token: buyer.token, body: { code, wallet: wallet.address, mode: "self" } })
  const [twin] = await stack.sql(`SELECT id, image_cid, metadata_cid FROM digital_twin WHERE token_id = $1`, [tokenIds[0]])
  return { claim, twin }
}

describe("pinning before a voucher", () => {
  it("pins image and metadata with the service's CID equal to ours, once", async () => {
    behaviour = "honest"
    uploads.length = 0
    const { claim, twin } = await claimableTwin("pinned")
    const res = await claim()
    expect(res.status).toBe(200)
    expect(res.json.claim.signature).toMatch(/^0x/)
    expect(uploads.map((u) => u.cid)).toEqual([twin.image_cid, twin.metadata_cid])
    expect(uploads.every((u) => u.authorization === "Bearer test-pinata-jwt" && JSON.parse(u.options).cidVersion === 1)).toBe(true)
    expect((await stack.sql(`SELECT pinned_at FROM digital_twin WHERE id = $1`, [twin.id]))[0].pinned_at).not.toBeNull()
    await claim()
    expect(uploads).toHaveLength(2)
  })

  it("issues no voucher when the service answers another CID, or refuses", async () => {
    for (const mode of ["lying", "refusing"] as const) {
      behaviour = mode
      const { claim, twin } = await claimableTwin(mode)
      const res = await claim()
      expect(res.status).toBe(502)
      expect(res.json.message).toMatch(mode === "lying" ? /answered CID \S+ for content whose CID is / : /refused to pin \(401\): INVALID_CREDENTIALS/)
      const [row] = await stack.sql(`SELECT voucher_signature, pinned_at FROM digital_twin WHERE id = $1`, [twin.id])
      expect(row).toEqual({ voucher_signature: null, pinned_at: null })
      const issued = await stack.sql(`SELECT count(*)::int AS n FROM digital_twin_event WHERE twin_id = $1 AND kind = 'claim_issued'`, [twin.id])
      expect(issued[0].n).toBe(0)
    }
  })
})
