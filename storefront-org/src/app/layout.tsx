import type { Metadata } from "next"
import Link from "next/link"
import { baseCss, SiteFooter, storefrontConfig, tokensCss } from "@pva/storefront-core"
import { orgCss } from "./org-css"

export const metadata: Metadata = {
  title: { default: "PVA Bazaar — provenance, digital twins and shares", template: "%s · PVA Bazaar .org" },
  description: "Follow the provenance of ethically sourced pieces, claim the digital twin of the piece you bought, and hold shares of collector artifacts.",
}

// Pages render per request from data cached across visitors (lib/public-api); the layout knows
// nothing about the visitor, and customer data is only ever fetched with their session, never cached.
export const dynamic = "force-dynamic"

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <link rel="preconnect" href={storefrontConfig().publicUrl} />
        <style dangerouslySetInnerHTML={{ __html: tokensCss + baseCss + orgCss }} />
      </head>
      <body>
        <a className="skip" href="#main">Skip to content</a>
        <header className="pva-header">
          <div className="container">
            <Link href="/" className="brand">PVA <span>Bazaar</span> .org</Link>
            <nav aria-label="Main">
              <Link href="/artifacts">Artifacts</Link>
              <Link href="/offerings">Offerings</Link>
              <Link href="/market">Market</Link>
              <Link href="/claim">Claim a twin</Link>
              <Link href="/account">Account</Link>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <SiteFooter />
      </body>
    </html>
  )
}
