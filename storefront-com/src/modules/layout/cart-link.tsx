"use client"

import { Link } from "@/modules/common/link"
import { useStore } from "@/lib/store-context"

export function CartLink() {
  const { cart } = useStore()
  const count = (cart?.items ?? []).reduce((n: number, i: any) => n + i.quantity, 0)
  return <Link href="/cart" aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}>Cart ({count})</Link>
}
