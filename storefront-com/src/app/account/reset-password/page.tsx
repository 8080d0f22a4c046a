import { resetPassword } from "@/lib/actions/account-recovery"
import { ResetPasswordForm } from "@/modules/account/reset-password-form"

export const metadata = { referrer: "no-referrer" as const, title: "Choose a new password" }

export default function ResetPasswordPage({ searchParams }: { searchParams: { token?: string | string[] } }) {
  const token = typeof searchParams.token === "string" ? searchParams.token : ""
  return (
    <div className="container section">
      <ResetPasswordForm token={token} reset={resetPassword} />
    </div>
  )
}
