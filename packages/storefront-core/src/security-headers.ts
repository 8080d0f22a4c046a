import { NextResponse, type NextRequest } from "next/server"
import { storefrontConfig } from "./config"

// What both storefronts send to keep their pages from running, framing or loading what they
// should not. Kept free of React and Node APIs: the sites' middleware runs it on every page.

export type CspSources = {
  /** Medusa as browsers reach it: the shop's cart calls, product images, /ipfs links. */
  backendUrl: string
  /** The chain's JSON-RPC the wallet talks to (pvabazaar.org). */
  chainRpcUrl?: string
  /** WalletConnect's relay, only when a project id is configured (pvabazaar.org). */
  walletConnect?: boolean
  /** Where uploaded product images are served from when not by Medusa (an S3 bucket or its CDN). */
  imageOrigins?: string[]
  /** `next dev`: React's refresh needs eval and a websocket back to the dev server. */
  development?: boolean
}

// Stripe.js and the Payment Element: https://docs.stripe.com/security/guide#content-security-policy
const STRIPE = {
  script: ["https://js.stripe.com"],
  frame: ["https://js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
}
const WALLETCONNECT = {
  connect: ["wss://relay.walletconnect.com", "wss://relay.walletconnect.org", "https://rpc.walletconnect.com", "https://rpc.walletconnect.org"],
  frame: ["https://verify.walletconnect.com", "https://verify.walletconnect.org"],
}

const originOf = (url: string) => new URL(url).origin

/**
 * The page's Content-Security-Policy. Scripts run only when they carry this response's nonce
 * (Next adds it to its own scripts) or were loaded by one that does ('strict-dynamic': how
 * Stripe.js and the wallet's chunks load); the host list is for browsers without CSP 3.
 * Styles stay 'unsafe-inline': the layouts inline their CSS and Stripe and thirdweb style
 * their elements inline, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, sources: CspSources): string {
  const backend = originOf(sources.backendUrl)
  const rpc = sources.chainRpcUrl ? [originOf(sources.chainRpcUrl)] : []
  const wallet = sources.walletConnect ? WALLETCONNECT : { connect: [], frame: [] }
  const dev = sources.development
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...STRIPE.script, ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", backend, ...(sources.imageOrigins ?? []).map(originOf)],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", backend, ...rpc, ...STRIPE.connect, ...wallet.connect, ...(dev ? ["ws:"] : [])],
    "frame-src": [...STRIPE.frame, ...wallet.frame],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${[...new Set(values)].join(" ")}`)
    .join("; ")
}

/** `STOREFRONT_IMAGE_ORIGINS`: comma-separated http(s) URLs (the S3 bucket's `S3_PUBLIC_URL`); a malformed one stops the page. */
export function imageOriginsFrom(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => {
      if (!/^https?:\/\/[^/]+/.test(value)) throw new Error(`STOREFRONT_IMAGE_ORIGINS: "${value}" is not an http(s) URL`)
      return originOf(value)
    })
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

/**
 * A site's middleware: a nonce per page response, put in the request's CSP header (where Next
 * reads it to mark its scripts) and in the response's. The other security headers are the
 * same for every file and come from next.config (next-config.mjs). Medusa's public URL is read
 * when the server runs, as the layouts read it: the shop's build is made before it is known.
 */
export function securityMiddleware(siteSources: () => Pick<CspSources, "chainRpcUrl" | "walletConnect"> = () => ({})) {
  return (request: NextRequest) => {
    const sources: CspSources = {
      backendUrl: storefrontConfig().publicUrl,
      imageOrigins: imageOriginsFrom(process.env.STOREFRONT_IMAGE_ORIGINS),
      development: process.env.NODE_ENV === "development",
      ...siteSources(),
    }
    const policy = contentSecurityPolicy(newNonce(), sources)
    const headers = new Headers(request.headers)
    headers.set("Content-Security-Policy", policy)
    const response = NextResponse.next({ request: { headers } })
    response.headers.set("Content-Security-Policy", policy)
    return response
  }
}
