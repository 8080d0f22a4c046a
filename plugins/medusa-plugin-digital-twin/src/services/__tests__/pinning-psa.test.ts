// The IPFS Pinning Service API client against a loopback server speaking that API
// (POST /pins {cid, name} → PinStatus): the CID it reports must equal ours.
import { cidForBytes } from "@pva/contracts"
import http from "http"
import type { AddressInfo } from "net"
import PinningService from "../pinning"

const requests: Array<{ authorization?: string; body: any }> = []
let answer: (cid: string) => { status: number; body: unknown } = (cid) => ({ status: 202, body: { requestid: "r1", status: "queued", created: new Date().toISOString(), pin: { cid }, delegates: [] } })
let server: http.Server
let pinning: PinningService

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    let raw = ""
    for await (const chunk of req) raw += chunk
    if (req.method !== "POST" || req.url !== "/pins") return void res.writeHead(404).end()
    const body = JSON.parse(raw)
    requests.push({ authorization: req.headers.authorization, body })
    const { status, body: reply } = answer(body.cid)
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(reply))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  pinning = new PinningService({}, { pinning: { kind: "psa", url, token: "psa-token" } })
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

describe("IPFS Pinning Service API", () => {
  const bytes = Buffer.from('{"name":"Digital Twin: Test"}')
  const cid = cidForBytes(bytes)

  it("asks the service to pin our CID and returns the CID it reports", async () => {
    expect(await pinning.pin(bytes, "application/json", cid, "GEM-001-000001")).toBe(cid)
    expect(requests.at(-1)).toEqual({ authorization: "Bearer psa-token", body: { cid, name: "GEM-001-000001" } })
  })

  it("reports a refusal with the service's reason, and an answer without a CID", async () => {
    answer = () => ({ status: 401, body: { error: { reason: "UNAUTHORIZED", details: "bad token" } } })
    await expect(pinning.pin(bytes, "application/json", cid, "x")).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/refused to pin \(401\): UNAUTHORIZED/) })
    answer = () => ({ status: 202, body: { requestid: "r2", status: "queued" } })
    await expect(pinning.pin(bytes, "application/json", cid, "x")).rejects.toMatchObject({ status: 502, message: "The pinning service answered without a CID" })
  })
})
