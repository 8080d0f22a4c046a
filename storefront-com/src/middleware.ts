import { securityMiddleware } from "@pva/storefront-core/security-headers"

// A Content-Security-Policy with a fresh nonce on every page (storefront-core's security-headers).
export const middleware = securityMiddleware()

// Next reads `config` from this file itself. Pages only: static files carry no scripts of their own.
export const config = { matcher: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }
