"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { completeShareOrder } from "@/lib/actions/checkout"

/** Back from Stripe's redirect with the payment authorized: the order is placed (or found, when Stripe's webhook placed it first). */
export function CardReturn() {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    completeShareOrder().then((placed) => (placed.ok ? router.replace(`/order/${placed.data.id}`) : setError(placed.message)))
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- the order is completed once, on arrival from Stripe
  return error ? <p className="alert" role="alert">{error}</p> : <p role="status">Confirming your payment…</p>
}
