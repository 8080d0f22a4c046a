import { txUrl } from "@/lib/chain-config"
import { formatDate, shortAddress } from "@/lib/format"
import { formatEth } from "@/lib/market/amounts"
import type { Bid } from "@/lib/market/types"

/** Every bid on an auction, highest (latest) first. */
export function BidHistory({ bids }: { bids: Bid[] }) {
  if (bids.length === 0) return <p className="muted">No bids yet.</p>
  const ordered = [...bids].sort((a, b) => (BigInt(b.amount) > BigInt(a.amount) ? 1 : BigInt(b.amount) < BigInt(a.amount) ? -1 : 0))
  return (
    <table aria-label="Bid history" data-testid="bid-history">
      <thead><tr><th>Bidder</th><th>Amount</th><th>When</th></tr></thead>
      <tbody>
        {ordered.map((b, i) => (
          <tr key={`${b.tx_hash ?? i}-${b.amount}`} data-testid="bid">
            <td className="mono" title={b.bidder}>{shortAddress(b.bidder)}</td>
            <td>{formatEth(b.amount)}</td>
            <td>{b.tx_hash ? <a href={txUrl(b.tx_hash)}>{formatDate(b.placed_at)}</a> : formatDate(b.placed_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
