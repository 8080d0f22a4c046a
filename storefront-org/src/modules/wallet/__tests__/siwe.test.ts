/** @jest-environment node */
import { parseSiweMessage } from "viem/siwe"
import { siweMessage, walletErrorMessage } from "../siwe"

const ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"

describe("the message a wallet signs to prove itself", () => {
  it("names this site's host and origin, our chain, the server's nonce, and expires in ten minutes", () => {
    const now = new Date("2026-11-27T16:00:00.000Z")
    const text = siweMessage({ address: ADDRESS, chainId: 31337, nonce: "n0nceFromServer123", now, location: { host: "pvabazaar.org", origin: "https://pvabazaar.org" } })
    const fields = parseSiweMessage(text)
    expect(fields).toMatchObject({ domain: "pvabazaar.org", uri: "https://pvabazaar.org", address: ADDRESS, chainId: 31337, nonce: "n0nceFromServer123", version: "1" })
    expect(fields.issuedAt?.toISOString()).toBe(now.toISOString())
    expect(fields.expirationTime?.toISOString()).toBe("2026-11-27T16:10:00.000Z")
  })
})

describe("wallet errors in plain words", () => {
  it("a rejected request says nothing was signed or sent", () => {
    expect(walletErrorMessage({ code: 4001, message: "User rejected the request." })).toBe("You rejected the request in your wallet. Nothing was signed or sent.")
    expect(walletErrorMessage(new Error("MetaMask Tx Signature: User denied transaction signature."))).toBe("You rejected the request in your wallet. Nothing was signed or sent.")
  })

  it("a wallet that does not know the chain is told to add it", () => {
    expect(walletErrorMessage({ code: 4902, message: "Unrecognized chain ID 0x7a69" })).toMatch(/does not know our network/)
  })

  it("anything else keeps only its first line", () => {
    expect(walletErrorMessage(new Error("execution reverted: ClaimExpired\n  at stack"))).toBe("execution reverted: ClaimExpired")
  })
})
