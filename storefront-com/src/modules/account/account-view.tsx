"use client"

import { Link } from "@/modules/common/link"
import { useEffect, useState } from "react"
import { emailVerified, listOrders, myArchetype, resendVerification } from "@/lib/actions/account"
import { useStore } from "@/lib/store-context"
import { Addresses } from "./addresses"
import { AuthForms } from "./auth-forms"
import { OrderHistory } from "./order-history"
import { Profile } from "./profile"
import { VerifyEmailNotice } from "./verify-email-notice"

export function AccountView({ registerEmail = "", next }: { registerEmail?: string; next?: string }) {
  const { ready, customer, logout } = useStore()
  const [orders, setOrders] = useState<any[] | null>(null)
  const [archetype, setArchetype] = useState<any | null | undefined>(undefined)
  const [verified, setVerified] = useState<boolean | null>(null)
  const customerId = customer?.id

  useEffect(() => {
    if (!customerId) return
    listOrders().then((r) => setOrders(r.ok ? r.data : []), () => setOrders([]))
    myArchetype().then(setArchetype, () => setArchetype(null))
    emailVerified().then((r) => setVerified(r.ok ? r.data : null), () => setVerified(null))
  }, [customerId])

  if (!ready) return <div className="container section"><p>Loading…</p></div>
  if (!customer) return <div className="container section"><AuthForms registerEmail={registerEmail} next={next} /></div>

  return (
    <div className="container section">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Hello, {customer.first_name}</h1>
        <button className="btn btn-outline" type="button" onClick={logout}>Log out</button>
      </div>
      {verified === false && <VerifyEmailNotice email={customer.email} resend={resendVerification} />}
      <section className="section" aria-labelledby="archetype">
        <h2 id="archetype">Your archetype</h2>
        {archetype ? (
          <p data-testid="my-archetype"><strong>{archetype.name}</strong>: {archetype.description} <Link href="/quiz">Retake the quiz</Link></p>
        ) : archetype === null ? (
          <p>You have not taken the quiz yet. <Link href="/quiz">Find your archetype</Link></p>
        ) : null}
      </section>
      <OrderHistory orders={orders} />
      <Profile />
      <Addresses />
    </div>
  )
}
