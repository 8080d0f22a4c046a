"use client"

import { Link } from "@/modules/common/link"
import { useEffect, useRef, useState } from "react"
import type { ActionResult } from "@pva/storefront-core"
import { useEmailLinkToken } from "./email-link-token"
import { OrderHistory } from "./order-history"

type Props = {
  token: string
  confirm: (token: string) => Promise<ActionResult<null>>
  loadOrders: () => Promise<ActionResult<any[]>>
}

/** Confirms the address once, then shows the orders it brought into the account. */
export function VerifyEmail({ token: linkToken, confirm, loadOrders }: Props) {
  const token = useEmailLinkToken(linkToken)
  const [state, setState] = useState<{ done: boolean; error?: string }>({ done: false })
  const [orders, setOrders] = useState<any[] | null | "signed-out">(null)
  const sent = useRef(false)

  useEffect(() => {
    if (sent.current) return // a token is single use: never send it twice
    sent.current = true
    confirm(token).then(
      (r) => setState(r.ok ? { done: true } : { done: false, error: r.message }),
      () => setState({ done: false, error: "The shop could not reach its server. Please reload the page." })
    )
  }, [token, confirm])

  useEffect(() => {
    if (!state.done) return
    loadOrders().then((r) => setOrders(r.ok ? r.data : r.status === 401 ? "signed-out" : []), () => setOrders([]))
  }, [state.done, loadOrders])

  if (state.error) {
    return (
      <>
        <h1>Email not verified</h1>
        <p role="alert" className="alert">{state.error}</p>
        <p><Link href="/account">Go to your account</Link> to send a new link.</p>
      </>
    )
  }
  if (!state.done) return <p>Confirming your email…</p>
  return (
    <>
      <h1>Your email is verified</h1>
      <p role="status" className="ok">Orders you placed with this address as a guest are now in your account.</p>
      {orders === "signed-out" ? <p><Link href="/account">Log in</Link> to see your orders.</p> : <OrderHistory orders={orders} />}
    </>
  )
}
