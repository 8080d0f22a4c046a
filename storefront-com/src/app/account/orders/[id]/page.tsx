"use client"

import Link from "next/link"
import { useParams } from "next/navigation"
import { useEffect, useState } from "react"
import { errorMessage, formatAmount } from "@pva/storefront-core"
import { useStore } from "@/lib/store-context"

export default function OrderDetail() {
  const { id } = useParams<{ id: string }>()
  const { client, ready, token } = useStore()
  const [order, setOrder] = useState<any | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!ready) return
    if (!token) return setError("Log in to see your orders.")
    client.orders.retrieve(id).then((r: any) => setOrder(r.order)).catch((err: any) => setError(errorMessage(err)))
  }, [ready, token, client, id])
  if (error) return <div className="container section"><p role="alert" className="alert">{error}</p><Link href="/account">Your account</Link></div>
  if (!order) return <div className="container section"><p>Loading…</p></div>
  return (
    <div className="container section">
      <h1>Order {order.pva_number}</h1>
      <p>Placed {new Date(order.created_at).toLocaleDateString("en-US")} · {order.status} · payment {order.payment_status} · {order.fulfillment_status.replace("_", " ")}</p>
      <table>
        <thead><tr><th>Piece</th><th>Quantity</th><th>Total</th></tr></thead>
        <tbody>
          {order.items.map((i: any) => <tr key={i.id}><td>{i.title}</td><td>{i.quantity}</td><td>{formatAmount(i.total, order.currency_code)}</td></tr>)}
        </tbody>
      </table>
      <p>Total {formatAmount(order.total, order.currency_code)}</p>
      <p>Ships to {order.shipping_address?.first_name} {order.shipping_address?.last_name}, {order.shipping_address?.address_1}, {order.shipping_address?.city}</p>
      <Link href="/account">Back to your account</Link>
    </div>
  )
}
