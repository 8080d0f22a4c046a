// The Next.js config both storefronts share; each adds only what is its own.

/**
 * @param {object} site
 * @param {string} site.noReferrerPages route pattern of the pages opened from emailed links (tokens
 *   or codes in the query): they send no Referer at all
 * @param {import('next').NextConfig} [site.config] the storefront's own settings (e.g. webpack)
 * @returns {import('next').NextConfig}
 */
export function storefrontNextConfig({ noReferrerPages, config = {} }) {
  return {
    reactStrictMode: true,
    // The end-to-end tests and benches build their own copy, with their own server's key baked in.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    poweredByHeader: false,
    transpilePackages: ["@pva/storefront-core"],
    images: { unoptimized: true },
    // Pages link to Medusa, Stripe, partners and explorers: they learn the site's origin, never a page path.
    async headers() {
      return [
        { source: "/:path*", headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] },
        { source: noReferrerPages, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      ]
    },
    ...config,
  }
}
