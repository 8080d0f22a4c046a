"use client"

import { Link } from "@/modules/common/link"
import { useState } from "react"
import type { ActionResult } from "@pva/storefront-core"

export function ForgotPasswordForm({ request }: { request: (email: string) => Promise<ActionResult<null>> }) {
  const [email, setEmail] = useState("")
  const [state, setState] = useState<{ busy: boolean; sent?: boolean; error?: string }>({ busy: false })

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!email.trim()) return setState({ busy: false, error: "Enter the email address of your account." })
    setState({ busy: true })
    const result = await request(email.trim()).catch(() => ({ ok: false as const, status: 0, message: "The shop could not reach its server. Please try again." }))
    setState(result.ok ? { busy: false, sent: true } : { busy: false, error: result.message })
  }

  if (state.sent) {
    return (
      <>
        <h1>Check your email</h1>
        {/* The same answer whether or not the address has an account. */}
        <p role="status" className="ok">If an account uses {email.trim()}, we sent it a link to choose a new password. The link works once, for a limited time.</p>
        <p><Link href="/account">Back to log in</Link></p>
      </>
    )
  }
  return (
    <form method="post" onSubmit={submit} noValidate aria-labelledby="forgot-heading" style={{ maxWidth: 480 }}>
      <h1 id="forgot-heading">Forgot your password?</h1>
      <p className="muted">Enter your account&apos;s email and we will send you a link to choose a new one.</p>
      <label htmlFor="forgot-email">Email</label>
      <input id="forgot-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      {state.error && <p role="alert" className="alert">{state.error}</p>}
      <p><button className="btn btn-primary" type="submit" disabled={state.busy}>Send me a link</button></p>
    </form>
  )
}
