import { listOrders } from "@/lib/actions/account"
import { confirmEmail } from "@/lib/actions/account-recovery"
import { VerifyEmail } from "@/modules/account/verify-email"

export const metadata = { referrer: "no-referrer" as const, title: "Verify your email" }

export default function VerifyEmailPage({ searchParams }: { searchParams: { token?: string | string[] } }) {
  const token = typeof searchParams.token === "string" ? searchParams.token : ""
  return (
    <div className="container section" style={{ maxWidth: 760 }}>
      <VerifyEmail token={token} confirm={confirmEmail} loadOrders={listOrders} />
    </div>
  )
}
