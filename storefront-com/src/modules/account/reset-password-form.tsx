"use client"

import { Link } from "@/modules/common/link"
import { useState } from "react"
import type { ActionResult } from "@pva/storefront-core"
import { useEmailLinkToken } from "./email-link-token"

type Reset = (input: { email: string; token: string; password: string }) => Promise<ActionResult<null>>

export function ResetPasswordForm(props: { token: string; reset: Reset }) {
  const token = useEmailLinkToken(props.token)
  const [form, setForm] = useState({ email: "", password: "", repeat: "" })
  const [state, setState] = useState<{ busy: boolean; done?: boolean; error?: string }>({ busy: false })

  if (!token) {
    return (
      <p role="alert" className="alert">
        This page needs the link from your password reset email. <Link href="/account/forgot-password">Ask for a new link</Link>.
      </p>
    )
  }
  if (state.done) {
    return (
      <>
        <h1>Password changed</h1>
        <p role="status" className="ok">Your new password is set. <Link href="/account">Log in</Link> with it.</p>
      </>
    )
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!form.email.trim()) return setState({ busy: false, error: "Enter the email address of your account." })
    if (form.password.length < 8) return setState({ busy: false, error: "Choose a password of at least 8 characters." })
    if (form.password !== form.repeat) return setState({ busy: false, error: "The two passwords differ." })
    setState({ busy: true })
    const result = await props
      .reset({ email: form.email.trim(), token, password: form.password })
      .catch(() => ({ ok: false as const, status: 0, message: "The shop could not reach its server. Please try again." }))
    setState(result.ok ? { busy: false, done: true } : { busy: false, error: result.message })
  }

  return (
    <form method="post" onSubmit={submit} noValidate aria-labelledby="reset-heading" style={{ maxWidth: 480 }}>
      <h1 id="reset-heading">Choose a new password</h1>
      <label htmlFor="reset-email">Email</label>
      <input id="reset-email" type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      <label htmlFor="reset-password">New password</label>
      <input id="reset-password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      <label htmlFor="reset-repeat">New password again</label>
      <input id="reset-repeat" type="password" autoComplete="new-password" value={form.repeat} onChange={(e) => setForm({ ...form, repeat: e.target.value })} />
      {state.error && (
        <p role="alert" className="alert">
          {state.error} {/expired|invalid/i.test(state.error) && <Link href="/account/forgot-password">Ask for a new link</Link>}
        </p>
      )}
      <p><button className="btn btn-primary" type="submit" disabled={state.busy}>Set new password</button></p>
    </form>
  )
}
