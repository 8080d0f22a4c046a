"use client"

import Link from "next/link"
import { useSearchParams } from "next/navigation"
import { useEffect, useState } from "react"
import { errorMessage } from "@pva/storefront-core"
import { useStore } from "@/lib/store-context"
import { Addresses } from "@/modules/account/addresses"
import { AuthForms } from "@/modules/account/auth-forms"
import { Profile } from "@/modules/account/profile"

export default function AccountPage() {
  const { ready, customer, token, client, logout } = useStore()
  const registerEmail = useSearchParams().get("register") ?? ""
  const [orders, setOrders] = useState<any[] | null>(null)
  const [archetype, setArchetype] = useState<any | null | undefined>(undefined)

  useEffect(() => {
    if (!customer) return
    client.customers.listOrders({ limit: 20 } as any).then((r: any) => setOrders(r.orders)).catch(() => setOrders([]))
    client.client.request("GET", "/store/archetype/me").then((r: any) => setArchetype(r.result)).catch(() => setArchetype(null))
  }, [customer, client])

  if (!ready || (token && !customer)) return <div className="container section"><p>Loading…</p></div>
  if (!customer) return <div className="container section"><AuthForms registerEmail={registerEmail} /></div>

  return (
    <div className="container section">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Hello, {customer.first_name}</h1>
        <button className="btn btn-outline" type="button" onClick={logout}>Log out</button>
      </div>
      <section className="section" aria-labelledby="archetype">
        <h2 id="archetype">Your archetype</h2>
        {archetype ? (
          <p data-testid="my-archetype"><strong>{archetype.name}</strong>: {archetype.description} <Link href="/quiz">Retake the quiz</Link></p>
        ) : archetype === null ? (
          <p>You have not taken the quiz yet. <Link href="/quiz">Find your archetype</Link></p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="orders">
        <h2 id="orders">Order history</h2>
        {orders === null ? <p>Loading…</p> : orders.length === 0 ? <p>No orders yet.</p> : (
          <table>
            <thead><tr><th>Order</th><th>Date</th><th>Status</th></tr></thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-testid="order-row">
                  <td><Link href={`/account/orders/${o.id}`}>{o.pva_number ?? `#${o.display_id}`}</Link></td>
                  <td>{new Date(o.created_at).toLocaleDateString("en-US")}</td>
                  <td>{o.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Profile />
      <Addresses />
    </div>
  )
}
