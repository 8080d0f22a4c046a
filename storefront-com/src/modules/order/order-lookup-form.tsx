"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import type { ActionResult } from "@pva/storefront-core"

type Lookup = (orderNumber: string, email: string) => Promise<ActionResult<{ id: string }>>

/**
 * Order number and email go to the server in a POST body; the page it leads to is
 * addressed by order id alone, so the email never reaches a URL, history or Referer.
 */
export function OrderLookupForm({ lookup }: { lookup: Lookup }) {
  const router = useRouter()
  const [form, setForm] = useState({ orderNumber: "", email: "" })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!form.orderNumber.trim() || !form.email.trim()) return setError("Enter your order number and the email you ordered with.")
    setBusy(true)
    setError(null)
    try {
      const result = await lookup(form.orderNumber.trim(), form.email.trim())
      if (!result.ok) return setError(result.message)
      router.push(`/order/${result.data.id}`)
    } catch {
      setError("The shop could not reach its server. Please try again.")
    } finally {
      setBusy(false)
    }
  }

  return (
    <form method="post" onSubmit={submit} noValidate aria-labelledby="lookup-heading" style={{ maxWidth: 480 }}>
      <h1 id="lookup-heading">Find your order</h1>
      <p className="muted">Ordered without an account? Enter the order number from your confirmation email.</p>
      <label htmlFor="lookup-number">Order number</label>
      <input id="lookup-number" placeholder="PVA-20260101-000123" autoComplete="off" value={form.orderNumber} onChange={(e) => setForm({ ...form, orderNumber: e.target.value })} />
      <label htmlFor="lookup-email">Email</label>
      <input id="lookup-email" type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      {error && <p role="alert" className="alert">{error}</p>}
      <p><button className="btn btn-primary" type="submit" disabled={busy}>{busy ? "Looking…" : "Find my order"}</button></p>
    </form>
  )
}
