"use client"

import { useRouter } from "next/navigation"
import { logout } from "@/lib/actions/session"

export function SignOutButton() {
  const router = useRouter()
  return (
    <button className="btn btn-outline" type="button" onClick={async () => { await logout(); router.replace("/account"); router.refresh() }}>
      Sign out
    </button>
  )
}
