"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { ADDRESS_FIELDS, validateAddress, type AddressInput } from "@pva/storefront-core"
import { placeShareOrder } from "@/lib/actions/checkout"


/** Billing address and manual payment (invoice): the order reserves the shares until they are minted. */
export function ShareCheckoutForm({ countries, initial }: { countries: { iso_2: string; display_name: string }[]; initial: Partial<AddressInput> }) {
  const router = useRouter()
  const [address, setAddress] = useState<AddressInput>({ email: "", first_name: "", last_name: "", address_1: "", city: "", postal_code: "", country_code: "", province: "", phone: "", ...initial })
  const [errors, setErrors] = useState<Partial<Record<keyof AddressInput, string>>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    const found = validateAddress(address, countries.map((c) => c.iso_2))
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    const placed = await placeShareOrder(address)
    setBusy(false)
    if (!placed.ok) return setError(placed.message)
    router.push(`/order/${placed.data.id}`)
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Billing address">
      {ADDRESS_FIELDS.map(([field, label, type]) => (
        <div key={field}>
          <label htmlFor={field}>{label}</label>
          <input
            id={field}
            name={field}
            type={type ?? "text"}
            value={address[field] ?? ""}
            onChange={(e) => setAddress({ ...address, [field]: e.target.value })}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${field}-error` : undefined}
          />
          {errors[field] ? <p id={`${field}-error`} className="alert">{errors[field]}</p> : null}
        </div>
      ))}
      <label htmlFor="country_code">Country</label>
      <select id="country_code" value={address.country_code} onChange={(e) => setAddress({ ...address, country_code: e.target.value })}>
        {countries.map((c) => <option key={c.iso_2} value={c.iso_2}>{c.display_name}</option>)}
      </select>
      <p className="muted">Payment: bank transfer on invoice. Your shares are reserved now and minted to your wallet.</p>
      <p><button className="btn btn-accent" type="submit" disabled={busy}>{busy ? "Placing order…" : "Place order"}</button></p>
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </form>
  )
}
