// The market's emails as the server's `pva-email` provider renders them (Resend or the outbox).
import { formatEther } from "viem"
import {
  MARKET_AUCTION_ENDING_SOON_EMAIL,
  MARKET_AUCTION_WON_EMAIL,
  MARKET_ITEM_SOLD_EMAIL,
  MARKET_OFFER_RECEIVED_EMAIL,
  MARKET_OUTBID_EMAIL,
  type MarketEmailData,
} from "./events"

export type RenderedMarketEmail = { to: string; subject: string; html: string; text: string }

const esc = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)

const eth = (wei: string) => `${formatEther(BigInt(wei))} ETH`

function itemName(d: MarketEmailData): string {
  return d.asset.type === "twin" ? `twin #${d.asset.token_id}` : `${d.asset.quantity} shares of offering #${d.asset.token_id}`
}

function render(d: MarketEmailData, subject: string, lines: string[]): RenderedMarketEmail {
  const all = [...lines, `Open it: ${d.url}`]
  return { to: d.to, subject, html: all.map((l) => `<p>${esc(l)}</p>`).join("\n"), text: all.join("\n\n") }
}

function isMarketEmailData(data: unknown): data is MarketEmailData {
  if (!data || typeof data !== "object") return false
  const d = data as Record<string, unknown>
  return typeof d.to === "string" && typeof d.amount === "string" && typeof d.url === "string" && typeof d.asset === "object" && d.asset !== null
}

/** The email for one of the market's events, or null for any other event. */
export function renderMarketEmail(event: string, data: unknown): RenderedMarketEmail | null {
  if (!isMarketEmailData(data)) return null
  const item = itemName(data)
  const ends = data.ends_at ? new Date(data.ends_at).toUTCString() : null
  switch (event) {
    case MARKET_OUTBID_EMAIL:
      return render(data, `You were outbid on ${item}`, [
        `Someone bid ${eth(data.amount)} on ${item}, above your bid.`,
        "Your bid is credited back to your wallet: withdraw it on the market whenever you like.",
        ends ? `The auction ends ${ends} unless a late bid extends it.` : "",
      ].filter(Boolean))
    case MARKET_AUCTION_WON_EMAIL:
      return render(data, `You won ${item}`, [`Your bid of ${eth(data.amount)} won the auction of ${item}. It is in your wallet now.`])
    case MARKET_ITEM_SOLD_EMAIL:
      return render(data, `You sold ${item}`, [
        `${item} sold for ${eth(data.amount)}.`,
        "The artisan's royalty and the platform fee were taken from the price; the rest went to your wallet (or is waiting there to be withdrawn).",
      ])
    case MARKET_OFFER_RECEIVED_EMAIL:
      return render(data, `An offer of ${eth(data.amount)} for ${item}`, [
        `A collector offers ${eth(data.amount)} for ${item}. The money is held by the market until you accept or the offer ends.`,
        ends ? `The offer is open until ${ends}.` : "",
      ].filter(Boolean))
    case MARKET_AUCTION_ENDING_SOON_EMAIL:
      return render(data, `The auction of ${item} ends soon`, [
        `The auction of ${item} you bid on ends ${ends ?? "soon"}. The standing bid is ${eth(data.amount)}.`,
      ])
    default:
      return null
  }
}
