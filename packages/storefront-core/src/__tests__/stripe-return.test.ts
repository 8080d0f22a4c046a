import { readStripeReturn, withoutStripeReturn } from "../stripe-return"

const back = (status: string, secret = "pi_3Abc_secret_xyz") =>
  new URLSearchParams({ payment_intent: "pi_3Abc", payment_intent_client_secret: secret, redirect_status: status })

describe("the checkout reads Stripe's return from a redirect", () => {
  it("a passed challenge resumes to the order, a failed one to the decline", () => {
    expect(readStripeReturn(back("succeeded"))).toEqual({ intentId: "pi_3Abc", outcome: "succeeded" })
    expect(readStripeReturn(back("failed"))).toEqual({ intentId: "pi_3Abc", outcome: "failed" })
    expect(readStripeReturn(back("pending"))).toEqual({ intentId: "pi_3Abc", outcome: "processing" })
  })

  it("an ordinary checkout URL, or one whose secret is not the intent's, is no return", () => {
    expect(readStripeReturn(new URLSearchParams())).toBeNull()
    expect(readStripeReturn(back("succeeded", "pi_other_secret_xyz"))).toBeNull()
    expect(readStripeReturn(new URLSearchParams({ payment_intent: "<script>", redirect_status: "succeeded" }))).toBeNull()
  })

  it("the address bar loses Stripe's parameters and keeps the rest", () => {
    expect(withoutStripeReturn(`http://shop.test/checkout?${back("succeeded")}&step=payment`)).toBe("/checkout?step=payment")
    expect(withoutStripeReturn(`http://shop.test/checkout?${back("failed")}`)).toBe("/checkout")
  })
})
