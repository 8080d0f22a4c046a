/**
 * React, React DOM and Next's client runtime, which every page loads, as one chunk instead of
 * three or four: a first visit makes fewer requests. (The shop now requests its scripts after the
 * first paint, server/deferred-scripts.js; split back into Next's default chunks, the bench's
 * blocking time was no lower: docs/performance.md, "Next's scripts after the first paint".)
 */
const appShellChunk = {
  chunks: "all",
  name: "app-shell",
  test: /[\\/]node_modules[\\/](next|react|react-dom|scheduler)[\\/]/,
  // The App Router's own layer: the Pages Router's runtime (404 and error pages) keeps its chunks.
  layer: "app-pages-browser",
  priority: 50,
  enforce: true,
}

/**
 * The Next.js config both storefronts start from (plain JavaScript: Next loads it before any
 * TypeScript is compiled). `noReferrerPages` are pages whose address carries a secret (a
 * token or a claim code in the query): they send no Referer at all. Every other page links
 * to Medusa, Stripe and partners and sends them only the site's origin. The per-page
 * Content-Security-Policy comes from each site's middleware (src/security-headers.ts).
 *
 * @param {{ noReferrerPages: string } & import("next").NextConfig} options
 * @returns {import("next").NextConfig}
 */
export function storefrontNextConfig({ noReferrerPages, webpack: siteWebpack, ...rest }) {
  const production = process.env.NODE_ENV === "production"
  return {
    reactStrictMode: true,
    // The end-to-end tests build their own copy (@pva/test-support/next-site); storefront-org's reuse the shop's.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    poweredByHeader: false,
    // `npm start` (server/serve.js) compresses, after it has rewritten a page's HTML.
    compress: false,
    transpilePackages: ["@pva/storefront-core"],
    images: { unoptimized: true },
    // The root's `npm run lint` lints both sites (ESLint 9, flat config); Next 14's build-time lint
    // expects the older .eslintrc setup.
    eslint: { ignoreDuringBuilds: true },
    webpack(config, context) {
      if (!context.isServer && !context.dev) config.optimization.splitChunks.cacheGroups.appShell = appShellChunk
      return siteWebpack ? siteWebpack(config, context) : config
    },
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
            { key: "X-Content-Type-Options", value: "nosniff" },
            // For browsers that predate CSP's frame-ancestors (the middleware's policy).
            { key: "X-Frame-Options", value: "DENY" },
            // Two years; only production is served over HTTPS (a browser ignores it over plain HTTP).
            ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
          ],
        },
        { source: noReferrerPages, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      ]
    },
    ...rest,
  }
}
