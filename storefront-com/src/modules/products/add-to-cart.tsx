"use client"

import { useState } from "react"
import { errorMessage, inStock, Price, variantAmount } from "@pva/storefront-core"
import { useStore } from "@/lib/store-context"

type Variant = { id: string; title: string; inventory_quantity: number; manage_inventory: boolean; allow_backorder: boolean; calculated_price: number | null; prices: any[] }

/** Variant choice, region price, stock state and the add button; a sold-out variant cannot be added. */
export function AddToCart({ product, currencyCode }: { product: { id: string; variants: Variant[] }; currencyCode: string }) {
  const { addItem, region } = useStore()
  const [variantId, setVariantId] = useState(product.variants[0]?.id)
  const [quantity, setQuantity] = useState(1)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const variant = product.variants.find((v) => v.id === variantId)
  const currency = region?.currency_code ?? currencyCode
  const available = variant ? inStock(variant) : false
  const max = variant?.manage_inventory && !variant.allow_backorder ? variant.inventory_quantity : 99

  const add = async () => {
    if (!variant || !available) return
    setBusy(true)
    setMessage(null)
    try {
      await addItem(variant.id, quantity)
      setMessage({ ok: true, text: "Added to your cart." })
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <p style={{ fontSize: "1.5rem", fontWeight: 700, margin: "8px 0" }}>
        <Price amount={variant ? variantAmount(variant, currency) : null} currencyCode={currency} />
      </p>
      {product.variants.length > 1 && (
        <>
          <label htmlFor="variant">Variant</label>
          <select id="variant" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
            {product.variants.map((v) => <option key={v.id} value={v.id}>{v.title}</option>)}
          </select>
        </>
      )}
      <p data-testid="stock">{available ? (variant?.manage_inventory && variant.inventory_quantity <= 5 ? `Only ${variant.inventory_quantity} left` : "In stock") : "Sold out"}</p>
      <div className="row">
        <label htmlFor="qty" className="visually-hidden">Quantity</label>
        <input id="qty" type="number" min={1} max={Math.max(1, max)} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)))} style={{ width: 90 }} disabled={!available} />
        <button className="btn btn-primary" type="button" onClick={add} disabled={!available || busy}>
          {available ? (busy ? "Adding…" : "Add to cart") : "Sold out"}
        </button>
      </div>
      {message && <p role="status" className={message.ok ? "ok" : "alert"}>{message.text}</p>}
    </div>
  )
}
