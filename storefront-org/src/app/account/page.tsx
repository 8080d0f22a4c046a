import type { Metadata } from "next"
import Link from "next/link"
import { formatAmount } from "@pva/storefront-core"
import { linkedWallets, myOrders, myTwins } from "@/lib/actions/collector"
import { currentCustomer } from "@/lib/actions/session"
import { STATUS_LABELS } from "@/lib/format"
import { SignInForm } from "@/modules/account/sign-in-form"
import { SignOutButton } from "@/modules/account/sign-out-button"
import { WalletList } from "@/modules/account/wallet-list"

export const metadata: Metadata = { title: "Your account" }

export default async function AccountPage({ searchParams }: { searchParams: { next?: string } }) {
  const customer = await currentCustomer()
  if (!customer) {
    return (
      <div className="container section">
        <h1>Sign in</h1>
        <SignInForm next={searchParams.next} />
      </div>
    )
  }
  const [wallets, twins, orders] = await Promise.all([linkedWallets(), myTwins(), myOrders()])
  return (
    <div className="container section">
      <h1>Your account</h1>
      <section className="section" aria-labelledby="profile">
        <h2 id="profile">Profile</h2>
        <p data-testid="profile">{[customer.first_name, customer.last_name].filter(Boolean).join(" ")} · {customer.email}</p>
        <p className="row">
          <Link href="/account/portfolio">Portfolio</Link>
          <Link href="/account/kyc">KYC status</Link>
          <SignOutButton />
        </p>
      </section>
      <section className="section" aria-labelledby="wallets-heading">
        <h2 id="wallets-heading">Linked wallets</h2>
        {wallets.ok ? <WalletList wallets={wallets.data} /> : <p className="alert">{wallets.message}</p>}
      </section>
      <section className="section" aria-labelledby="twins-heading">
        <h2 id="twins-heading">Your digital twins</h2>
        {!twins.ok ? <p className="alert">{twins.message}</p> : twins.data.length === 0 ? <p className="muted">No twins yet: buy a serialized piece on pvabazaar.com.</p> : (
          <ul data-testid="my-twins">
            {twins.data.map((t) => (
              <li key={t.token_id}>
                <Link href={`/artifacts/${t.token_id}`}>{t.title}</Link> · {STATUS_LABELS[t.status] ?? t.status}
                {t.claimable ? <> · <Link href="/claim">claim it</Link></> : null}
                {t.status === "minted" ? <> · <Link href={`/market/sell?asset=twin&token_id=${encodeURIComponent(t.token_id)}`}>Sell</Link></> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        {!orders.ok ? <p className="alert">{orders.message}</p> : orders.data.length === 0 ? <p className="muted">No orders yet.</p> : (
          <table>
            <thead><tr><th>Order</th><th>Date</th><th>Total</th><th>Status</th></tr></thead>
            <tbody>
              {orders.data.map((o) => (
                <tr key={o.id}>
                  <td>{o.pva_number ?? `#${o.display_id}`}</td>
                  <td>{o.created_at.slice(0, 10)}</td>
                  <td>{formatAmount(o.total, o.currency_code)}</td>
                  <td>{o.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
