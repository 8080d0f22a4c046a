import { lowStockAlert, orderConfirmation, reorderRequest } from "../email-templates"

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
