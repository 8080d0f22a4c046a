import { paymentProvider } from "../payment-provider"

describe("how a collector pays on pvabazaar.org", () => {
  it("pays by card when the server offers Stripe and the site has its key", () => {
    expect(paymentProvider(["manual", "stripe"], { stripeKey: "pk_live_x", production: true })).toBe("stripe")
    expect(paymentProvider(["manual", "stripe"], { stripeKey: "pk_test_x", production: false })).toBe("stripe")
  })

  it("never falls back to an unpaid manual order beside cards in production", () => {
    expect(paymentProvider(["manual", "stripe"], { stripeKey: undefined, production: true })).toBeNull()
    expect(paymentProvider(["manual", "stripe"], { stripeKey: undefined, production: false })).toBe("manual")
  })

  it("uses the manual provider of a shop without Stripe", () => {
    expect(paymentProvider(["manual"], { stripeKey: "pk_live_x", production: true })).toBe("manual")
    expect(paymentProvider([], { stripeKey: "pk_live_x", production: true })).toBeNull()
  })
})
