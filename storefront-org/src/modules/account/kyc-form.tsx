"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { applyForKyc } from "@/lib/actions/collector"

export function KycForm() {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    setBusy(true)
    setError(null)
    const r = await applyForKyc({ legal_name: String(f.get("legal_name") ?? ""), country_code: String(f.get("country_code") ?? ""), date_of_birth: String(f.get("date_of_birth") ?? "") })
    setBusy(false)
    if (!r.ok) return setError(r.message)
    router.refresh()
  }
  return (
    <form onSubmit={onSubmit} aria-label="KYC application" noValidate>
      <label htmlFor="legal_name">Full legal name</label>
      <input id="legal_name" name="legal_name" autoComplete="name" required />
      <label htmlFor="country_code">Country (two-letter code)</label>
      <input id="country_code" name="country_code" autoComplete="country" maxLength={2} required />
      <label htmlFor="date_of_birth">Date of birth</label>
      <input id="date_of_birth" name="date_of_birth" type="date" autoComplete="bday" required />
      <p><button className="btn btn-primary" type="submit" disabled={busy}>{busy ? "Sending…" : "Apply"}</button></p>
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </form>
  )
}
