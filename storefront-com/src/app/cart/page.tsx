"use client"

import { Link } from "@/modules/common/link"
import { useStore } from "@/lib/store-context"
import { useAction } from "@/lib/use-action"
import { CartItems } from "@/modules/cart/cart-items"
import { CartTotals } from "@pva/storefront-core"

export default function CartPage() {
  const { cart, ready, updateItem, removeItem, region } = useStore()
  const { busy, error, run } = useAction()
  const currency = cart?.region?.currency_code ?? region?.currency_code ?? "usd"
  return (
    <div className="container section">
      <h1>Your cart</h1>
      {!ready ? <p>Loading…</p> : (
        <>
          {error && <p role="alert" className="alert">{error}</p>}
          <CartItems
            items={cart?.items ?? []}
            currencyCode={currency}
            busy={busy}
            onUpdate={(id, q) => run(() => updateItem(id, q))}
            onRemove={(id) => run(() => removeItem(id))}
          />
          {cart?.items?.length > 0 && (
            <>
              <CartTotals cart={cart} currencyCode={currency} />
              <p style={{ textAlign: "right" }}><Link className="btn btn-primary" href="/checkout">Check out</Link></p>
            </>
          )}
        </>
      )}
    </div>
  )
}
