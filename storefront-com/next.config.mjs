/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The end-to-end tests build their own copy, with their own server's key baked in.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  transpilePackages: ["@pva/storefront-core"],
  images: { unoptimized: true },
}

export default nextConfig
