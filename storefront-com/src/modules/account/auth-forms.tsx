"use client"

import { Link } from "@/modules/common/link"
import { useRouter } from "next/navigation"
import { useState } from "react"
import { errorMessage, safeNextPath } from "@pva/storefront-core"
import { useStore } from "@/lib/store-context"

/** `next`: where a signed-in visitor goes on to (`/account?next=/checkout`); without it they stay on their account. */
export function AuthForms({ registerEmail = "", next }: { registerEmail?: string; next?: string }) {
  const { login, register } = useStore()
  const router = useRouter()
  const [loginForm, setLoginForm] = useState({ email: "", password: "" })
  const [reg, setReg] = useState({ email: registerEmail, password: "", first_name: "", last_name: "" })
  const [error, setError] = useState<{ form: "login" | "register"; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = (form: "login" | "register", fn: () => Promise<void>) => async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await fn()
      // Only paths on this site: never an open redirect.
      if (next) router.replace(safeNextPath(next, "/account", window.location.origin))
    } catch (err) {
      setError({ form, text: errorMessage(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(280px, 1fr))", gap: 32 }}>
      <form method="post" onSubmit={submit("login", () => login(loginForm.email.trim(), loginForm.password))} aria-labelledby="login-heading">
        <h1 id="login-heading">Log in</h1>
        <label htmlFor="login-email">Email</label>
        <input id="login-email" type="email" autoComplete="email" required value={loginForm.email} onChange={(e) => setLoginForm({ ...loginForm, email: e.target.value })} />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" type="password" autoComplete="current-password" required value={loginForm.password} onChange={(e) => setLoginForm({ ...loginForm, password: e.target.value })} />
        {error?.form === "login" && <p role="alert" className="alert">{error.text}</p>}
        <p><button className="btn btn-primary" type="submit" disabled={busy}>Log in</button></p>
        <p><Link href="/account/forgot-password">Forgot your password?</Link> · <Link href="/order/lookup">Find a guest order</Link></p>
      </form>
      <form method="post" id="register" onSubmit={submit("register", () => register({ ...reg, email: reg.email.trim() }))} aria-labelledby="register-heading">
        <h2 id="register-heading">Create an account</h2>
        <label htmlFor="reg-first">First name</label>
        <input id="reg-first" autoComplete="given-name" required value={reg.first_name} onChange={(e) => setReg({ ...reg, first_name: e.target.value })} />
        <label htmlFor="reg-last">Last name</label>
        <input id="reg-last" autoComplete="family-name" required value={reg.last_name} onChange={(e) => setReg({ ...reg, last_name: e.target.value })} />
        <label htmlFor="reg-email">Email</label>
        <input id="reg-email" type="email" autoComplete="email" required value={reg.email} onChange={(e) => setReg({ ...reg, email: e.target.value })} />
        <label htmlFor="reg-password">Password</label>
        <input id="reg-password" type="password" autoComplete="new-password" required minLength={8} value={reg.password} onChange={(e) => setReg({ ...reg, password: e.target.value })} />
        {error?.form === "register" && <p role="alert" className="alert">{error.text}</p>}
        <p><button className="btn btn-accent" type="submit" disabled={busy}>Create account</button></p>
      </form>
    </div>
  )
}
