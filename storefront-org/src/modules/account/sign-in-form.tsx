"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { safeNextPath } from "@pva/storefront-core"
import { login } from "@/lib/actions/session"

/** Signs in with the pvabazaar.com account; the session lands in the shared httpOnly cookie. */
export function SignInForm({ next }: { next?: string }) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    setBusy(true)
    setError(null)
    const result = await login(String(form.get("email") ?? ""), String(form.get("password") ?? ""))
    setBusy(false)
    if (!result.ok) return setError(result.message)
    // Only paths on this site: never an open redirect.
    router.replace(safeNextPath(next, "/account", window.location.origin))
    router.refresh()
  }

  return (
    <form onSubmit={onSubmit} aria-label="Sign in" noValidate>
      <p className="muted">Use the account you made on pvabazaar.com.</p>
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="email" required />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <p><button className="btn btn-primary" type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button></p>
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </form>
  )
}
