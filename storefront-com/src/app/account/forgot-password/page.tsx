import { requestPasswordReset } from "@/lib/actions/account-recovery"
import { ForgotPasswordForm } from "@/modules/account/forgot-password-form"

export const metadata = { title: "Forgot your password?" }

export default function ForgotPasswordPage() {
  return (
    <div className="container section">
      <ForgotPasswordForm request={requestPasswordReset} />
    </div>
  )
}
