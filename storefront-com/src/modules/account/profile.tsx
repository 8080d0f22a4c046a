"use client"

import { useState } from "react"
import { errorMessage, unwrap } from "@pva/storefront-core"
import { updateProfile } from "@/lib/actions/account"
import { useStore } from "@/lib/store-context"

export function Profile() {
  const { customer, setCustomer } = useStore()
  const [form, setForm] = useState({ first_name: customer.first_name ?? "", last_name: customer.last_name ?? "", phone: customer.phone ?? "" })
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      setCustomer(unwrap(await updateProfile({ ...form, phone: form.phone || undefined })))
      setMessage({ ok: true, text: "Profile saved." })
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) })
    }
  }
  return (
    <form className="section" onSubmit={save} aria-labelledby="profile" style={{ maxWidth: 480 }}>
      <h2 id="profile">Profile</h2>
      <p className="muted">{customer.email}</p>
      <label htmlFor="p-first">First name</label>
      <input id="p-first" value={form.first_name} onChange={(e) => setForm({ ...form, first_name: e.target.value })} />
      <label htmlFor="p-last">Last name</label>
      <input id="p-last" value={form.last_name} onChange={(e) => setForm({ ...form, last_name: e.target.value })} />
      <label htmlFor="p-phone">Phone</label>
      <input id="p-phone" type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      {message && <p role="status" className={message.ok ? "ok" : "alert"}>{message.text}</p>}
      <p><button className="btn btn-primary" type="submit">Save profile</button></p>
    </form>
  )
}
