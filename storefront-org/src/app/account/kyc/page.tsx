import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { kycStatus } from "@/lib/actions/collector"
import { KycForm } from "@/modules/account/kyc-form"

export const metadata: Metadata = { title: "KYC" }

const STATUS_TEXT: Record<string, string> = {
  required: "You have not applied yet. Buying shares needs an approved KYC check.",
  pending: "Your application is under review. We will email you when it is decided.",
  approved: "You are approved: you may buy shares.",
  rejected: "Your application was not approved. You may apply again.",
}

export default async function KycPage({ searchParams }: { searchParams: { reason?: string } }) {
  const kyc = await kycStatus()
  if (!kyc.ok && kyc.status === 401) redirect("/account?next=/account/kyc")
  if (!kyc.ok) return <div className="container section"><p className="alert">{kyc.message}</p></div>
  const { status, application, decisions } = kyc.data
  return (
    <div className="container section">
      <h1>KYC</h1>
      {searchParams.reason === "required" && status !== "approved" ? (
        <p className="alert" role="alert">Buying shares needs an approved KYC check.</p>
      ) : null}
      <p data-testid="kyc-status"><strong>Status: {status}</strong>. {STATUS_TEXT[status]}</p>
      {application ? <p className="muted">Applied on {application.created_at.slice(0, 10)} as {application.legal_name} ({application.country_code}).</p> : null}
      {decisions.filter((d) => d.note).map((d) => <p key={d.created_at} className="muted">Note: {d.note}</p>)}
      {status === "required" || status === "rejected" ? <KycForm /> : null}
    </div>
  )
}
