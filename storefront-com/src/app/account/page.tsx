import { guestCheckoutEmail } from "@/lib/orders"
import { AccountView } from "@/modules/account/account-view"

export const metadata = { title: "Your account" }

// A guest who just ordered is offered an account with that order's email, read from
// their httpOnly order cookie rather than a URL.
export default function AccountPage({ searchParams }: { searchParams: { next?: string } }) {
  return <AccountView registerEmail={guestCheckoutEmail()} next={searchParams.next} />
}
