/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The end-to-end tests build their own copy (scripts/lib/next-site.js); storefront-org's reuse it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  transpilePackages: ["@pva/storefront-core"],
  images: { unoptimized: true },
  // Pages link to Medusa, Stripe and partners: they learn the shop's origin, never a page
  // path. Pages opened from emailed links (tokens in the query) send no Referer at all.
  async headers() {
    return [
      { source: "/:path*", headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] },
      { source: "/account/:page(verify-email|reset-password)", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ]
  },
}

export default nextConfig
