import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { adminApi } from "../lib/api"

/** The partner who supplies this product, and its reorder point, on the product page. */
const ProductPartnerWidget = ({ product }: ProductDetailsWidgetProps) => {
  const [info, setInfo] = useState<{ partner: any; reorder_point: number } | null>(null)
  const [partners, setPartners] = useState<any[]>([])
  const [point, setPoint] = useState("")
  const [message, setMessage] = useState<string | null>(null)

  const load = async () => {
    const [{ product: p }, { partners }] = await Promise.all([adminApi("GET", `/products/${product.id}`), adminApi("GET", "/partners?limit=200")])
    setInfo({ partner: p.partner, reorder_point: p.reorder_point })
    setPoint(String(p.reorder_point ?? 10))
    setPartners(partners)
  }
  useEffect(() => {
    load().catch((e) => setMessage(e.message))
  }, [product.id]) // eslint-disable-line react-hooks/exhaustive-deps -- loads once per product

  const run = (fn: () => Promise<unknown>) => async () => {
    setMessage(null)
    try {
      await fn()
      await load()
      setMessage("Saved")
    } catch (err: any) {
      setMessage(err.message)
    }
  }

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border px-8 py-6">
      <h2 className="inter-large-semibold mb-2">Partner</h2>
      {info?.partner ? (
        <p>
          <Link to={`/a/partners/${info.partner.id}`}>{info.partner.name}</Link> ({info.partner.country})
        </p>
      ) : (
        <p className="text-grey-50">No partner yet.</p>
      )}
      <div className="mt-3 flex items-center gap-2">
        <select
          defaultValue=""
          onChange={(e) => e.target.value && run(() => adminApi("POST", `/partners/${e.target.value}`, { product_ids: [product.id] }))()}
        >
          <option value="">Assign to partner…</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label>
          Reorder point{" "}
          <input className="border-grey-20 w-20 rounded border px-2" value={point} onChange={(e) => setPoint(e.target.value)} />
        </label>
        <button className="btn btn-secondary btn-small" onClick={run(() => adminApi("POST", `/products/${product.id}/reorder-point`, { reorder_point: Number(point) }))}>
          Save
        </button>
      </div>
      {message && <p className="mt-2">{message}</p>}
    </div>
  )
}

export const config: WidgetConfig = { zone: "product.details.after" }

export default ProductPartnerWidget
