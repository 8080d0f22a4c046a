import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"

type Row = { trait_type: string; value: string }
const SUGGESTED = ["Gemstone", "Cut", "Carat", "Clarity", "Origin"]

/** Twin eligibility and traits on the product page. */
const ProductTwinWidget = ({ product, notify }: ProductDetailsWidgetProps) => {
  const [eligible, setEligible] = useState(false)
  const [rows, setRows] = useState<Row[]>([])
  const path = `/twins/products/${product.id}`
  useEffect(() => {
    adminApi("GET", path)
      .then((d) => {
        setEligible(!!d.eligible)
        const given: Row[] = (d.traits ?? []).map((t: any) => ({ trait_type: t.trait_type, value: String(t.value) }))
        setRows(given.length ? given : SUGGESTED.map((trait_type) => ({ trait_type, value: "" })))
      })
      .catch((e) => notify.error("Digital twin", e.message))
  }, [product.id]) // eslint-disable-line react-hooks/exhaustive-deps -- loads once per product
  const save = async () => {
    const traits = rows
      .filter((r) => r.trait_type.trim() && r.value.trim())
      .map((r) => ({ trait_type: r.trait_type.trim(), value: /^\d+(\.\d+)?$/.test(r.value.trim()) ? Number(r.value) : r.value.trim() }))
    await adminApi("POST", path, { eligible, traits }).then(
      () => notify.success("Digital twin", "Saved"),
      (e) => notify.error("Digital twin", e.message)
    )
  }
  return (
    <div style={{ padding: 24, background: "white", borderRadius: 8, border: "1px solid #e5e7eb" }}>
      <h2 style={{ fontWeight: 600, marginBottom: 8 }}>Digital twin</h2>
      <label>
        <input type="checkbox" checked={eligible} onChange={(e) => setEligible(e.target.checked)} /> Each sold unit gets an NFT digital twin
      </label>
      <table style={{ marginTop: 8 }}>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input value={r.trait_type} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, trait_type: e.target.value } : x)))} />
              </td>
              <td>
                <input value={r.value} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button onClick={() => setRows([...rows, { trait_type: "", value: "" }])}>Add trait</button> <button onClick={save}>Save</button>
    </div>
  )
}

export const config: WidgetConfig = { zone: "product.details.after" }

export default ProductTwinWidget
