"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { listingNow } from "@/lib/actions/market"
import { formatEth, parseEth } from "@/lib/market/amounts"
import { dutchPriceAt, secondsLeft } from "@/lib/market/schedule"
import type { ListingDetail, MarketConfig } from "@/lib/market/types"
import { ConnectWallet, type ConnectedWallet } from "./connect-wallet"
import * as market from "./market-calls"
import { OfferPanel } from "./offer-panel"
import { TxStatus } from "./tx-status"
import { useTransaction } from "./use-transaction"
import { chainClockOffsetMs } from "./chain-clock"

const FOLLOW_POLL_MS = 500
const FOLLOW_TRIES = 40

/**
 * What a visitor can do on a listing with their wallet: buy now (fixed, Dutch), bid and settle
 * (English), cancel their own listing, make or answer offers, and take back refunds the market
 * holds for them. After each transaction it waits for the store to follow the chain, then
 * re-renders the page from the server (bid history, status).
 */
export function ListingActions({ initial, config }: { initial: ListingDetail; config: MarketConfig }) {
  const router = useRouter()
  const [listing, setListing] = useState(initial)
  const [wallet, setWallet] = useState<ConnectedWallet | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [bidText, setBidText] = useState(() => (initial.min_next_bid ? formatEth(initial.min_next_bid, 18).replace(" ETH", "") : ""))
  const [quantityText, setQuantityText] = useState("1")
  const [refund, setRefund] = useState<bigint>(0n)

  useEffect(() => setListing(initial), [initial])
  // Auctions end by the chain's clock (block timestamps), which can run ahead of this device's:
  // the offset is measured once, so "ended" and the Dutch price follow the chain.
  const [chainOffsetMs, setChainOffsetMs] = useState(0)
  useEffect(() => {
    chainClockOffsetMs().then(setChainOffsetMs, () => undefined)
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])

  const w = wallet ? { account: wallet.account, market: config.market_address } : null
  const id = BigInt(listing.id)

  /** Waits until the store's copy of this listing changed (chain sync followed), then refreshes the page. */
  async function followChain() {
    const before = fingerprint(listing)
    for (let i = 0; i < FOLLOW_TRIES; i++) {
      const r = await listingNow(listing.id)
      if (r.ok && fingerprint(r.data) !== before) {
        setListing(r.data)
        setBidText(r.data.min_next_bid ? formatEth(r.data.min_next_bid, 18).replace(" ETH", "") : "")
        break
      }
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_POLL_MS))
    }
    router.refresh()
    if (w) setRefund(await market.withdrawable(w))
  }
  const tx = useTransaction(followChain)
  const refundTx = useTransaction(async () => {
    if (w) setRefund(await market.withdrawable(w))
  })

  useEffect(() => {
    if (w) market.withdrawable(w).then(setRefund, () => setRefund(0n))
  }, [wallet]) // eslint-disable-line react-hooks/exhaustive-deps

  const status = listing.status.toLowerCase()
  // The store calls an auction past its end "ended" by its own clock; the chain's may be ahead.
  const active = status === "active" || status === "ended"
  const isSeller = wallet?.address.toLowerCase() === listing.seller.toLowerCase()
  const chainNow = now + chainOffsetMs
  const left = secondsLeft(listing.ends_at, chainNow)
  const ended = listing.kind === "english" && (status === "ended" || left === 0)
  const shares = listing.asset.type === "shares"

  function quantity(): bigint | null {
    if (!shares) return 1n
    const q = /^\d+$/.test(quantityText.trim()) ? BigInt(quantityText.trim()) : 0n
    return q > 0n && q <= BigInt(listing.asset.quantity) ? q : null
  }

  async function buyNow() {
    if (!w) return
    const q = quantity()
    if (q === null) return tx.run("Buy", () => Promise.reject(new Error(`Enter a quantity from 1 to ${listing.asset.quantity}.`)))
    // Fixed price: at most the price shown (a raise meanwhile is refused on chain). Dutch: the
    // chain's price at its latest block, which can only fall by the time the purchase is mined.
    const maxUnitPrice = listing.kind === "dutch" ? await market.priceOnChain(w.market, id) : BigInt(listing.price ?? "0")
    await tx.run("Buy", () => market.buy(w, id, q, maxUnitPrice))
  }

  async function placeBid(e: React.FormEvent) {
    e.preventDefault()
    if (!w) return
    const amount = parseEth(bidText)
    if (amount === null || amount === 0n) return tx.run("Bid", () => Promise.reject(new Error("Enter your bid in ETH, for example 1.25.")))
    await tx.run("Bid", () => market.bid(w, id, amount))
  }

  const dutchNow = listing.kind === "dutch" ? dutchPriceAt(listing, chainNow) : null
  return (
    <section className="section listing-actions" aria-labelledby="act-heading">
      <h2 id="act-heading">{active ? "Buy, bid or make an offer" : "This listing is closed"}</h2>
      {!wallet ? (
        <ConnectWallet onConnected={setWallet} />
      ) : (
        <p className="ok" data-testid="wallet-connected">Wallet <span className="mono">{wallet.address}</span> connected.</p>
      )}
      {wallet && active && !isSeller && listing.kind !== "english" ? (
        <div className="row">
          {shares ? (
            <label>
              Quantity <input value={quantityText} onChange={(e) => setQuantityText(e.target.value)} inputMode="numeric" size={4} aria-label="Quantity" />
            </label>
          ) : null}
          <button type="button" className="btn btn-primary" disabled={Boolean(tx.busy)} onClick={buyNow}>
            Buy now for {formatEth(listing.kind === "dutch" ? dutchNow : listing.price)}
          </button>
        </div>
      ) : null}
      {wallet && active && !isSeller && listing.kind === "english" && !ended ? (
        <form className="row" onSubmit={placeBid} noValidate>
          <label htmlFor="bid-amount">Your bid (ETH)</label>
          <input id="bid-amount" value={bidText} onChange={(e) => setBidText(e.target.value)} inputMode="decimal" size={10} />
          <button type="submit" className="btn btn-primary" disabled={Boolean(tx.busy)}>Place bid</button>
          {listing.min_next_bid ? <span className="muted">At least {formatEth(listing.min_next_bid)}</span> : null}
        </form>
      ) : null}
      {wallet && active && ended && listing.highest_bid ? (
        <button type="button" className="btn btn-primary" disabled={Boolean(tx.busy)} onClick={() => w && tx.run("Settle", () => market.settle(w, id))}>
          Settle the auction
        </button>
      ) : null}
      {wallet && active && isSeller && !(listing.kind === "english" && listing.highest_bid) ? (
        <button type="button" className="btn" disabled={Boolean(tx.busy)} onClick={() => w && tx.run("Cancel", () => market.cancel(w, id, listing.kind))}>
          Cancel this listing
        </button>
      ) : null}
      <TxStatus state={tx} />
      {w && refund > 0n ? (
        <div className="row">
          <span data-testid="refund">The market holds {formatEth(refund)} for you (outbid bids, overpayments).</span>
          <button type="button" className="btn" disabled={Boolean(refundTx.busy)} onClick={() => refundTx.run("Withdraw", () => market.withdraw(w))}>Withdraw</button>
          <TxStatus state={refundTx} />
        </div>
      ) : null}
      <OfferPanel asset={listing.asset} config={config} wallet={wallet} />
    </section>
  )
}

/** What changes on a listing when the chain moves it: its state, its bids and its end. */
function fingerprint(l: ListingDetail): string {
  return [l.status, l.bid_count, l.highest_bid?.amount ?? "", l.ends_at ?? "", l.price ?? "", l.asset.quantity].join("|")
}
