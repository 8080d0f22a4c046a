/** 0x1234…abcd: enough to recognise an address, short enough for a card. */
export function shortAddress(address: string | null | undefined): string {
  if (!address) return ""
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address
}

export const STATUS_LABELS: Record<string, string> = {
  issued: "Awaiting claim",
  bound: "Claimed, minting",
  submitted: "Minting",
  minted: "Minted",
}

export const EVENT_LABELS: Record<string, string> = {
  created: "Created",
  sold: "Sold",
  claim_issued: "Claim issued",
  minted: "Minted",
  transferred: "Transferred",
  attested: "Attested",
  market_listed: "Listed on the market",
  market_sold: "Sold on the market",
  auction_settled: "Auction won",
}

export function formatDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16).replace("T", " ") + " UTC"
}
