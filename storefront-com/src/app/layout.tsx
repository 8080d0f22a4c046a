import type { Metadata } from "next"
import { cookies } from "next/headers"
import { Link } from "@/modules/common/link"
import { baseCss, browserConfig, HydrationMarker, SiteFooter, tokensCss } from "@pva/storefront-core"
import { readSessionToken } from "@pva/storefront-core/session"
import { currentRegion, listRegions } from "@/lib/catalog"
import { StoreProvider } from "@/lib/store-context"
import { CartLink } from "@/modules/layout/cart-link"
import { RegionSwitch } from "@/modules/layout/region-switch"
import { SearchBox } from "@/modules/layout/search-box"
import { shopCss } from "./shop-css"

// Every page depends on the shopper's region cookie; catalog data itself is cached (see lib/catalog).
export const dynamic = "force-dynamic"

export const metadata: Metadata = {
  title: { default: "PVA Bazaar — ethically sourced gems and artisan goods", template: "%s · PVA Bazaar" },
  description: "Ethically sourced gemstones and artisan goods from partner cooperatives, each piece with its provenance.",
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [regions, region] = await Promise.all([listRegions(), currentRegion()])
  const browser = browserConfig()
  return (
    <html lang="en">
      <head>
        {/* Product images come from the Medusa server: open that connection early. */}
        <link rel="preconnect" href={browser.baseUrl} />
        <style dangerouslySetInnerHTML={{ __html: tokensCss + baseCss + shopCss }} />
      </head>
      <body>
        {/* Only whether a session cookie exists, so anonymous pages skip asking who is signed in. */}
        <StoreProvider config={browser} regions={regions} initialRegionId={region.id} hasSession={Boolean(readSessionToken(cookies()))}>
          <a className="skip" href="#main">Skip to content</a>
          <header className="pva-header">
            <div className="container">
              <Link href="/" className="brand">PVA <span>Bazaar</span></Link>
              <SearchBox />
              <nav aria-label="Main">
                <Link href="/store">Shop</Link>
                <Link href="/quiz">Archetype quiz</Link>
                <Link href="/account">Account</Link>
                <CartLink />
                <RegionSwitch />
              </nav>
            </div>
          </header>
          <main id="main">{children}</main>
          <SiteFooter />
        </StoreProvider>
        <HydrationMarker />
      </body>
    </html>
  )
}
