"use client"

import { formatAmount } from "@pva/storefront-core"

type Item = { id: string; title: string; description?: string | null; thumbnail?: string | null; quantity: number; unit_price: number; total?: number; variant?: { inventory_quantity?: number; manage_inventory?: boolean; allow_backorder?: boolean } }

/** Line items with quantity controls; the parent decides what an update means. */
export function CartItems({ items, currencyCode, onUpdate, onRemove, busy }: {
  items: Item[]
  currencyCode: string
  onUpdate: (id: string, quantity: number) => void
  onRemove: (id: string) => void
  busy?: boolean
}) {
  if (items.length === 0) return <p>Your cart is empty.</p>
  return (
    <table>
      <caption className="visually-hidden">Items in your cart</caption>
      <thead>
        <tr><th>Piece</th><th>Price</th><th>Quantity</th><th>Total</th><th><span className="visually-hidden">Remove</span></th></tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const max = item.variant?.manage_inventory && !item.variant.allow_backorder ? item.variant.inventory_quantity ?? 99 : 99
          return (
            <tr key={item.id} data-testid="cart-item">
              <td>{item.title}{item.description && item.description !== item.title ? <span className="muted"> · {item.description}</span> : null}</td>
              <td>{formatAmount(item.unit_price, currencyCode)}</td>
              <td>
                <div className="row" style={{ gap: 4, flexWrap: "nowrap" }}>
                  <button type="button" className="btn btn-outline" aria-label={`One fewer ${item.title}`} disabled={busy || item.quantity <= 1} onClick={() => onUpdate(item.id, item.quantity - 1)}>−</button>
                  <span aria-live="polite" style={{ minWidth: 24, textAlign: "center" }} data-testid="quantity">{item.quantity}</span>
                  <button type="button" className="btn btn-outline" aria-label={`One more ${item.title}`} disabled={busy || item.quantity >= max} onClick={() => onUpdate(item.id, item.quantity + 1)}>+</button>
                </div>
              </td>
              <td>{formatAmount(item.total ?? item.unit_price * item.quantity, currencyCode)}</td>
              <td><button type="button" className="btn btn-outline" disabled={busy} onClick={() => onRemove(item.id)}>Remove<span className="visually-hidden"> {item.title}</span></button></td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
