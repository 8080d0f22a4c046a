import { claimRefusal } from "../claim-refusal"

describe("why a claim was refused, in words a collector can act on", () => {
  it("a wrong or revoked code (the server does not say which) points back to the email and says why a real one stops working", () => {
    expect(claimRefusal(400, "This claim code is not valid")).toBe("This claim code is not valid: check it against your email. A code stops working once a newer one is sent or the shop withdraws it.")
  })

  it("a twin bound to another wallet says so", () => {
    expect(claimRefusal(409, "This twin is already being claimed to another wallet")).toBe("This twin is already being claimed to another wallet.")
  })

  it("anything else keeps the server's message", () => {
    expect(claimRefusal(400, "Link this wallet to your account (sign in with it) before claiming to it")).toBe("Link this wallet to your account (sign in with it) before claiming to it")
  })
})
