"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { AddressFields, validateAddress, type AddressInput } from "@pva/storefront-core"
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
      <AddressFields address={address} errors={errors} countries={countries} onChange={setAddress} />
      <p className="muted">Payment: bank transfer on invoice. Your shares are reserved now and minted to your wallet.</p>
      <p><button className="btn btn-accent" type="submit" disabled={busy}>{busy ? "Placing order…" : "Place order"}</button></p>
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </form>
  )
}
