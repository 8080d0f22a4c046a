"use client"

import { useState } from "react"
import type { ActionResult } from "@pva/storefront-core"

/** Until the address is confirmed, orders placed with it as a guest stay out of the account. */
export function VerifyEmailNotice({ email, resend }: { email: string; resend: () => Promise<ActionResult<null>> }) {
  const [state, setState] = useState<{ busy: boolean; ok?: boolean; text?: string }>({ busy: false })
  const send = async () => {
    setState({ busy: true })
    const result = await resend().catch(() => ({ ok: false as const, status: 0, message: "The link could not be sent. Please try again." }))
    setState(result.ok ? { busy: false, ok: true, text: `We sent a new link to ${email}.` } : { busy: false, ok: false, text: result.message })
  }
  return (
    <section className="section notice" aria-labelledby="verify-email" data-testid="verify-email-notice">
      <h2 id="verify-email">Verify your email</h2>
      <p>
        We sent a link to <strong>{email}</strong>. Open it to confirm the address; orders you placed with it
        before you had an account then appear here.
      </p>
      <p><button className="btn btn-outline" type="button" onClick={send} disabled={state.busy}>{state.busy ? "Sending…" : "Send the link again"}</button></p>
      {state.text && <p role={state.ok ? "status" : "alert"} className={state.ok ? "ok" : "alert"}>{state.text}</p>}
    </section>
  )
}
