"use client"

import { useState } from "react"
import { errorMessage, unwrap, validateAddress } from "@pva/storefront-core"
import { addAddress, deleteAddress } from "@/lib/actions/account"
import { useStore } from "@/lib/store-context"

const EMPTY = { first_name: "", last_name: "", address_1: "", city: "", province: "", postal_code: "", country_code: "us" }

export function Addresses() {
  const { customer, setCustomer, regions } = useStore()
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const countries = regions.flatMap((r) => r.countries)

  const add = async (e: React.FormEvent) => {
    e.preventDefault()
    const found = validateAddress({ ...form, email: customer.email }, countries.map((c) => c.iso_2)) as Record<string, string>
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      setCustomer(unwrap(await addAddress({ ...form, province: form.province || undefined } as Record<string, string>)))
      setForm(EMPTY)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <section className="section" aria-labelledby="addresses">
      <h2 id="addresses">Addresses</h2>
      <ul>
        {(customer.shipping_addresses ?? []).map((a: any) => (
          <li key={a.id} className="row">
            {a.first_name} {a.last_name}, {a.address_1}, {a.postal_code} {a.city}, {a.country_code?.toUpperCase()}
            <button type="button" className="btn btn-outline" onClick={async () => {
              const result = await deleteAddress(a.id)
              if (result.ok) setCustomer(result.data)
              else setError(result.message)
            }}>
              Remove<span className="visually-hidden"> address {a.address_1}</span>
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} noValidate aria-label="Add an address" style={{ maxWidth: 480 }}>
        {(["first_name", "last_name", "address_1", "city", "province", "postal_code"] as const).map((f) => (
          <div key={f}>
            <label htmlFor={`addr-${f}`}>{f.replace("_1", "").replace("_", " ")}</label>
            <input id={`addr-${f}`} value={form[f]} onChange={(e) => setForm({ ...form, [f]: e.target.value })} aria-invalid={errors[f] ? true : undefined} />
            {errors[f] && <p className="field-error">{errors[f]}</p>}
          </div>
        ))}
        <label htmlFor="addr-country">Country</label>
        <select id="addr-country" value={form.country_code} onChange={(e) => setForm({ ...form, country_code: e.target.value })}>
          {countries.map((c) => <option key={c.iso_2} value={c.iso_2}>{c.display_name}</option>)}
        </select>
        {error && <p role="alert" className="alert">{error}</p>}
        <p><button className="btn btn-primary" type="submit">Add address</button></p>
      </form>
    </section>
  )
}
