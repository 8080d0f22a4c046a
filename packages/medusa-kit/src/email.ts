/**
 * The PVA Bazaar email frame every feature's emails share: brand colours, the layout, escaping
 * and money. Each plugin renders its own emails with these and hands them to the store's one
 * notification provider (the server's "pva-email"), which sends them. Every value that came from
 * a user, a partner or the catalog passes through `esc` before it reaches HTML. Loads nothing:
 * plugin indexes that must not load Medusa export their renderers.
 */
export type RenderedEmail = { subject: string; html: string; text: string }

/** A rendered email and its recipient. */
export type OutgoingEmail = RenderedEmail & { to: string }

/** What a plugin's renderer may need from the store. */
export interface EmailContext {
  /** Who gets the store's operational alerts (ADMIN_ALERT_EMAIL). */
  adminAlertEmail: string
}

/**
 * A plugin's emails: `render` answers the email for one of its events (null when the event is
 * not its own or needs no email); `private` names events whose data (a code, a token) the
 * notification table must not keep.
 */
export interface PluginEmails {
  render(event: string, data: unknown, context: EmailContext): OutgoingEmail | null
  private?: ReadonlySet<string>
}

export const BRAND = {
  gradient: "linear-gradient(135deg, #0f3b2d 0%, #1c5a45 100%)",
  dark: "#0f3b2d",
  accent: "#4ef8a3",
  background: "#f8f9fa",
}

export const BRAND_BUTTON = `display:inline-block;padding:12px 24px;background:${BRAND.dark};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold`

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100)
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`
  }
}

/** `bodyHtml` must already be escaped; the title is escaped here. */
export function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>
<body style="margin:0;padding:0;background:${BRAND.background};font-family:Helvetica,Arial,sans-serif;color:#1b1f1d">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${BRAND.background}"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:${BRAND.dark};background-image:${BRAND.gradient};padding:24px 32px">
<span style="color:#ffffff;font-size:22px;font-weight:bold;letter-spacing:0.5px">PVA <span style="color:${BRAND.accent}">Bazaar</span></span>
</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 16px;font-size:20px;color:${BRAND.dark}">${esc(title)}</h1>
${bodyHtml}
</td></tr>
<tr><td style="padding:16px 32px;background:${BRAND.background};color:#5b6661;font-size:12px;text-align:center">&copy; PVA Bazaar</td></tr>
</table></td></tr></table></body></html>`
}

export const TEXT_FOOTER = "\n\n© PVA Bazaar\n"
