// A KYC decision always reaches the chain: when setEligible fails (the RPC drops the request,
// or the server's signer has lost COMPLIANCE_ROLE so every attempt reverts), the decision
// stands, the wallet's change waits in the queue with its error, and the retry job lands it
// once the chain takes it.
import { waitFor } from "@pva/test-support/wait"
import { admin, dbQuery, kycApplicant, SERVER_SIGNER, testChain } from "../../../test-support/fractional"

/** Tells the RPC proxy between the server and the chain how to behave. */
const rpcProxy = (behaviour: Record<string, unknown>) =>
  fetch(`${process.env.PVA_TEST_RPC_PROXY_URL}/behaviour`, { method: "POST", body: JSON.stringify(behaviour) }).then((r) => r.json())

const task = async (wallet: string) =>
  (await dbQuery(`SELECT eligible, status, attempts, last_error, tx_hash FROM fractional_eligibility_task WHERE wallet = $1`, [wallet]))[0]

describe("wallet eligibility on chain", () => {
  const chain = testChain()
  afterEach(() => chain.setRole("COMPLIANCE_ROLE", SERVER_SIGNER, true))

  it("an approval whose setEligible fails is retried until the wallet is eligible", async () => {
    const applicant = await kycApplicant("retry")
    await chain.setRole("COMPLIANCE_ROLE", SERVER_SIGNER, false)
    const decided = await admin("POST", `/admin/kyc/applications/${applicant.applicationId}/decision`, { decision: "approved", note: "ok" })
    expect(decided.status).toBe(200)
    expect(decided.json.application.status).toBe("approved")
    expect(decided.json.eligibility).toEqual([
      expect.objectContaining({ wallet: applicant.wallet, eligible: false, error: expect.stringMatching(/AccessControlUnauthorizedAccount/), retry_at: expect.any(String) }),
    ])
    // (the wallet-linked event may ask for the same again meanwhile: one task either way)
    expect(await task(applicant.wallet)).toMatchObject({ eligible: true, status: "pending" })

    // still refused while the chain refuses: nothing is lost, the attempts go on
    await new Promise((r) => setTimeout(r, 3_000))
    expect(await chain.isEligible(applicant.wallet)).toBe(false)

    await chain.setRole("COMPLIANCE_ROLE", SERVER_SIGNER, true)
    await waitFor(() => chain.isEligible(applicant.wallet), 60_000, "the retry job to make the wallet eligible")
    const done = await waitFor(async () => {
      const t = await task(applicant.wallet)
      return t.status === "done" && t
    }, 10_000, "the task to be done")
    expect(done.attempts).toBeGreaterThanOrEqual(1)
    expect(done.tx_hash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(done.last_error).toBeNull()
  })

  it("an approval sent while the RPC drops every transaction is retried once it takes them again", async () => {
    const applicant = await kycApplicant("rpcdown")
    await rpcProxy({ dropMethods: ["eth_sendRawTransaction"] })
    try {
      const decided = await admin("POST", `/admin/kyc/applications/${applicant.applicationId}/decision`, { decision: "approved", note: "ok" })
      expect(decided.status).toBe(200)
      expect(decided.json.eligibility).toEqual([
        expect.objectContaining({ wallet: applicant.wallet, eligible: false, error: expect.stringMatching(/HTTP request failed/), retry_at: expect.any(String) }),
      ])
      // (the wallet-linked event may ask for the same again meanwhile: one task either way)
      expect(await task(applicant.wallet)).toMatchObject({ eligible: true, status: "pending" })
      expect(await chain.isEligible(applicant.wallet)).toBe(false)
    } finally {
      await rpcProxy({ dropMethods: [] })
    }
    await waitFor(() => chain.isEligible(applicant.wallet), 60_000, "the retry job to make the wallet eligible")
    await waitFor(async () => (await task(applicant.wallet)).status === "done", 10_000, "the task to be done")
  })

  it("the latest decision wins: an approval stuck behind a failure and then revoked ends ineligible", async () => {
    const applicant = await kycApplicant("revoked")
    await chain.setRole("COMPLIANCE_ROLE", SERVER_SIGNER, false)
    await admin("POST", `/admin/kyc/applications/${applicant.applicationId}/decision`, { decision: "approved", note: "ok" })
    const revoked = await admin("POST", `/admin/kyc/applications/${applicant.applicationId}/decision`, { decision: "revoked", note: "documents expired" })
    expect(revoked.status).toBe(200)
    // already ineligible on chain: nothing to send, the wish is met
    expect(revoked.json.eligibility).toEqual([{ wallet: applicant.wallet, eligible: false }])
    await chain.setRole("COMPLIANCE_ROLE", SERVER_SIGNER, true)
    expect(await task(applicant.wallet)).toMatchObject({ eligible: false, status: "done" })
    await new Promise((r) => setTimeout(r, 8_000)) // longer than a retry round
    expect(await chain.isEligible(applicant.wallet)).toBe(false)
  })
})
