import { validateAddress } from "../address"

const good = { email: "ada@example.com", first_name: "Ada", last_name: "Shopper", address_1: "1 Market Street", city: "San Francisco", province: "CA", postal_code: "94105", country_code: "us" }

describe("address check before payment", () => {
  it("accepts a complete address", () => {
    expect(validateAddress(good, ["us"])).toEqual({})
    expect(validateAddress({ ...good, country_code: "de", province: "", postal_code: "10115", city: "Berlin" }, ["de"])).toEqual({})
  })

  it.each([
    [{ email: "not-an-email" }, "email"],
    [{ first_name: " " }, "first_name"],
    [{ address_1: "" }, "address_1"],
    [{ postal_code: "ABC" }, "postal_code"],
    [{ postal_code: "" }, "postal_code"],
    [{ province: "" }, "province"],
    [{ country_code: "fr" }, "country_code"],
  ])("flags %j as %s", (change, field) => {
    expect(Object.keys(validateAddress({ ...good, ...change }, ["us"]))).toContain(field)
  })
})
