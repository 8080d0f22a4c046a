"use client"

import Link from "next/link"
import { useParams, useSearchParams } from "next/navigation"
import { useEffect, useState } from "react"
import { errorMessage, formatAmount } from "@pva/storefront-core"
import { useStore } from "@/lib/store-context"

export default function OrderConfirmed() {
  const { id } = useParams<{ id: string }>()
  const email = useSearchParams().get("email") ?? ""
  const { client, ready, token } = useStore()
  const [order, setOrder] = useState<any | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!ready) return
    // The server shows an order only to its customer, or to whoever knows its email.
    const path = token ? `/store/orders/${id}` : `/store/orders/${id}?email=${encodeURIComponent(email)}`
    client.client.request("GET", path).then((r: any) => setOrder(r.order)).catch((err: any) => setError(errorMessage(err)))
  }, [ready, client, token, id, email])

  if (error) return <div className="container section"><p role="alert" className="alert">{error}</p></div>
  if (!order) return <div className="container section"><p>Loading your order…</p></div>
  return (
    <div className="container section">
      <h1>Thank you for your order</h1>
      <p style={{ fontSize: "1.25rem" }}>Order number <strong data-testid="pva-number">{order.pva_number}</strong></p>
      <p>A confirmation is on its way to {order.email}.</p>
      <ul>
        {order.items.map((i: any) => <li key={i.id}>{i.quantity} × {i.title}</li>)}
      </ul>
      <p>Total {formatAmount(order.total, order.currency_code)}</p>
      {!token && (
        <p className="ok">
          <Link href={`/account?register=${encodeURIComponent(order.email)}`}>Create an account</Link> with {order.email} to follow this order.
        </p>
      )}
    </div>
  )
}
