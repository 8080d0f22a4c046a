import type { Metadata } from "next"
import { currentCustomer } from "@/lib/actions/session"
import { SignInForm } from "@/modules/account/sign-in-form"
import { ClaimLoader } from "@/modules/claim/claim-loader"

export const metadata: Metadata = { title: "Claim your digital twin" }

export default async function ClaimPage({ searchParams }: { searchParams: { code?: string } }) {
  const code = typeof searchParams.code === "string" ? searchParams.code : ""
  const customer = await currentCustomer()
  return (
    <div className="container section">
      <h1>Claim your digital twin</h1>
      {customer ? (
        <ClaimLoader initialCode={code} />
      ) : (
        <>
          <p>Sign in with the account you bought the piece with.</p>
          <SignInForm next={code ? `/claim?code=${encodeURIComponent(code)}` : "/claim"} />
        </>
      )}
    </div>
  )
}
