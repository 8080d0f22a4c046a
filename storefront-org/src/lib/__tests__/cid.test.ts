/** @jest-environment node */
import { checkCid } from "../cid"

// CIDv1, raw codec, sha2-256 of the bytes "hello world\n" (what `ipfs add --cid-version 1 --raw-leaves` answers).
const HELLO = new TextEncoder().encode("hello world\n")
const HELLO_CID = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"

describe("metadata CID check", () => {
  it("verifies bytes that hash to the CID", () => {
    expect(checkCid(HELLO_CID, HELLO)).toEqual({ verified: true, cid: HELLO_CID })
  })

  it("catches bytes changed by a single character", () => {
    const result = checkCid(HELLO_CID, new TextEncoder().encode("hello world!"))
    expect(result.verified).toBe(false)
    expect(result).toMatchObject({ reason: expect.stringMatching(/^The bytes served hash to bafkrei[a-z2-7]+, not to this CID\.$/) })
  })

  it("says when the text is not a CID at all", () => {
    expect(checkCid("not-a-cid", HELLO)).toEqual({ verified: false, cid: "not-a-cid", reason: "This is not a valid CID." })
  })

  it("refuses to vouch for a CID of another codec", () => {
    // The same digest as a dag-pb CIDv0: a different content address we cannot check byte for byte.
    expect(checkCid("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", HELLO)).toMatchObject({ verified: false, reason: "Only raw sha2-256 CIDv1 content can be checked here." })
  })
})
