import { lowStockAlert, reorderRequest } from "@pva/medusa-plugin-partners"
import { orderConfirmation } from "../email-templates"

describe("branded email templates", () => {
  it("shows the PVA number and items, escaping every user-supplied value", () => {
    const email = orderConfirmation({
      pva_number: "PVA-20250101-000042",
      customer_name: '<script>alert("x")</script>',
      currency_code: "usd",
      total: 63300,
      items: [{ title: "Amradjet <b>Emerald</b> Pendant", sku: "GEM-001", quantity: 1, unit_price: 62500 }],
    })
    expect(email.subject).toContain("PVA-20250101-000042")
    expect(email.html).toContain("PVA-20250101-000042")
    expect(email.html).toContain("Amradjet &lt;b&gt;Emerald&lt;/b&gt; Pendant")
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(email.html).not.toMatch(/<script>|<b>Emerald/)
    expect(email.html).toContain("$625.00")
    expect(email.html).toContain("#0f3b2d")
    expect(email.html).toContain("#4ef8a3")
    expect(email.html).toContain("&copy; PVA Bazaar")
    expect(email.text).toContain("Total: $633.00")
  })

  it("renders the low-stock alert and the partner's reorder request", () => {
    const data = { sku: "GEM-001", product_title: "Pendant & Chain", quantity: 3, reorder_point: 10, partner: { name: "Lukuni <Coop>", contact_email: "a@b.example" } }
    const alert = lowStockAlert(data)
    expect(alert.subject).toBe("Low stock: Pendant & Chain (GEM-001) has 3 left")
    expect(alert.html).toContain("Pendant &amp; Chain")
    expect(alert.html).toContain("Lukuni &lt;Coop&gt;")
    const request = reorderRequest(data)
    expect(request.html).toContain("Hello Lukuni &lt;Coop&gt;")
    expect(request.text).toContain("down to 3 (reorder point 10)")
  })
})

describe("the order confirmation's tax", () => {
  const base = { pva_number: "PVA-20250101-000043", currency_code: "eur", items: [{ title: "Pendant", quantity: 1, unit_price: 57900 }] }

  it("states EU VAT as included in the prices", () => {
    const email = orderConfirmation({ ...base, total: 58800, shipping_total: 900, tax: { label: "VAT (DE) 19%", amount: 9388, included: true } })
    expect(email.text).toContain("Shipping: €9.00\nIncluding VAT (DE) 19%: €93.88\n\nTotal: €588.00")
    expect(email.html).toContain("Including VAT (DE) 19%")
  })

  it("states US sales tax as added to the prices", () => {
    const email = orderConfirmation({ ...base, currency_code: "usd", total: 67831, shipping_total: 800, tax: { label: "Sales tax (CA) 7.25%", amount: 4531, included: false } })
    expect(email.text).toContain("Shipping: $8.00\nSales tax (CA) 7.25%: $45.31\n\nTotal: $678.31")
  })
})
