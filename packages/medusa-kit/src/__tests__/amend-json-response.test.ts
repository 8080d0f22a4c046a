import express from "express"
import type { AddressInfo } from "net"
import type { Server } from "http"
import { amendJsonResponse } from "../json-response"

/** A stand-in for a Medusa core route: answers what the query asks for. */
function app(middleware: express.RequestHandler) {
  const a = express()
  a.use("/products", middleware)
  a.get("/products", (req, res) => {
    if (req.query.missing) return res.status(404).json({ message: "No such product" })
    res.json({ products: [{ id: "prod_1" }] })
  })
  a.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => res.status(500).json({ message: err.message }))
  return a
}

let server: Server | undefined
async function get(middleware: express.RequestHandler, query = "") {
  server = app(middleware).listen(0)
  const { port } = server.address() as AddressInfo
  const res = await fetch(`http://127.0.0.1:${port}/products${query}`)
  return { status: res.status, json: await res.json() }
}
afterEach(() => server?.close())

describe("amendJsonResponse", () => {
  it("adds what the amendment adds to a successful answer, after waiting for it", async () => {
    const addPartner = amendJsonResponse(async (body) => {
      await new Promise((r) => setTimeout(r, 20))
      for (const p of body.products) p.partner = { name: "Cooperative" }
    })
    expect(await get(addPartner)).toEqual({ status: 200, json: { products: [{ id: "prod_1", partner: { name: "Cooperative" } }] } })
  })

  it("sends a returned body instead of the original", async () => {
    expect((await get(amendJsonResponse(() => ({ replaced: true })))).json).toEqual({ replaced: true })
  })

  it("leaves error answers alone", async () => {
    const amend = jest.fn()
    expect(await get(amendJsonResponse(amend), "?missing=1")).toEqual({ status: 404, json: { message: "No such product" } })
    expect(amend).not.toHaveBeenCalled()
  })

  it("fails the answer when the amendment fails, or sends it unchanged when told to ignore failures", async () => {
    const failing = () => Promise.reject(new Error("partner lookup failed"))
    expect(await get(amendJsonResponse(failing))).toEqual({ status: 500, json: { message: "partner lookup failed" } })
    server?.close()
    expect(await get(amendJsonResponse(failing, { onError: "ignore" }))).toEqual({ status: 200, json: { products: [{ id: "prod_1" }] } })
  })
})
