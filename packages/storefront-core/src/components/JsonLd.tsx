import { jsonLdScript } from "../seo/product-json-ld"

/** The nonce a response's Content-Security-Policy allows scripts by (null when there is none). */
export function cspNonce(policy: string | null | undefined): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1]
}

/**
 * A JSON-LD document for crawlers. Browsers do not run it, but it carries the page's nonce like
 * every other script, so that a page's scripts all answer to the same policy.
 */
export function JsonLd({ doc, nonce }: { doc: object; nonce?: string }) {
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLdScript(doc) }} />
}
