"use client"

import { useEffect, useState } from "react"
import { offersOn } from "@/lib/actions/market"
import { formatEth, parseEth } from "@/lib/market/amounts"
import { formatDate, shortAddress } from "@/lib/format"
import type { MarketAsset, MarketConfig, MarketOffer } from "@/lib/market/types"
import type { ConnectedWallet } from "./connect-wallet"
import * as market from "./market-calls"
import { TxStatus } from "./tx-status"
import { useTransaction } from "./use-transaction"

const DAY = 86_400
const FOLLOW_POLL_MS = 500
const FOLLOW_TRIES = 40

/**
 * Offers on a twin or on shares: anyone with a wallet escrows one; the holder accepts one
 * (approving the market once first); a bidder takes theirs back.
 */
export function OfferPanel({ asset, config, wallet }: { asset: MarketAsset; config: MarketConfig; wallet: ConnectedWallet | null }) {
  const [offers, setOffers] = useState<MarketOffer[]>([])
  const [amountText, setAmountText] = useState("")
  const [daysText, setDaysText] = useState("7")
  const w = wallet ? { account: wallet.account, market: config.market_address } : null

  async function load() {
    const r = await offersOn(asset.contract, asset.token_id)
    if (r.ok) setOffers(r.data)
    return r.ok ? r.data : null
  }
  useEffect(() => {
    load()
  }, [asset.contract, asset.token_id]) // eslint-disable-line react-hooks/exhaustive-deps

  /** Waits for the store to show the change (chain sync), so the list matches the chain. */
  async function follow() {
    const before = JSON.stringify(offers.map((o) => [o.id, o.status]))
    for (let i = 0; i < FOLLOW_TRIES; i++) {
      const now = await load()
      if (now && JSON.stringify(now.map((o) => [o.id, o.status])) !== before) return
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_POLL_MS))
    }
  }
  const tx = useTransaction(follow)

  async function makeOffer(e: React.FormEvent) {
    e.preventDefault()
    if (!w) return
    const amount = parseEth(amountText)
    const days = Number.parseInt(daysText, 10)
    if (amount === null || amount === 0n) return tx.run("Offer", () => Promise.reject(new Error("Enter your offer in ETH, for example 0.8.")))
    if (!Number.isInteger(days) || days < 1 || days > 180) return tx.run("Offer", () => Promise.reject(new Error("Choose between 1 and 180 days.")))
    const expiresAt = BigInt(Math.floor(Date.now() / 1000) + days * DAY)
    const quantity = asset.type === "twin" ? 1n : BigInt(asset.quantity)
    await tx.run("Offer", () => market.makeOffer(w, asset.contract, BigInt(asset.token_id), quantity, amount, expiresAt))
  }

  async function accept(offer: MarketOffer) {
    if (!w) return
    await tx.run("Accept the offer", async () => {
      await market.approveOnce(w, asset.contract)
      return market.acceptOffer(w, BigInt(offer.id))
    })
  }

  const open = offers.filter((o) => o.status.toLowerCase() === "open")
  const mine = (o: MarketOffer) => wallet?.address.toLowerCase() === o.bidder.toLowerCase()
  return (
    <div className="section" aria-labelledby="offers-heading">
      <h3 id="offers-heading">Offers</h3>
      {open.length === 0 ? <p className="muted">No open offers.</p> : (
        <ul data-testid="offers">
          {open.map((o) => (
            <li key={o.id} data-testid="offer">
              <strong>{formatEth(o.amount)}</strong> from <span className="mono">{shortAddress(o.bidder)}</span>, until {formatDate(o.expires_at)}
              {w && mine(o) ? <> <button type="button" className="btn" disabled={Boolean(tx.busy)} onClick={() => tx.run("Withdraw the offer", () => market.withdrawOffer(w, BigInt(o.id)))}>Withdraw</button></> : null}
              {w && !mine(o) ? <> <button type="button" className="btn" disabled={Boolean(tx.busy)} onClick={() => accept(o)}>Accept</button></> : null}
            </li>
          ))}
        </ul>
      )}
      {w ? (
        <form className="row" onSubmit={makeOffer} noValidate>
          <label htmlFor="offer-amount">Offer (ETH)</label>
          <input id="offer-amount" value={amountText} onChange={(e) => setAmountText(e.target.value)} inputMode="decimal" size={8} />
          <label htmlFor="offer-days">Valid for (days)</label>
          <input id="offer-days" value={daysText} onChange={(e) => setDaysText(e.target.value)} inputMode="numeric" size={3} />
          <button type="submit" className="btn" disabled={Boolean(tx.busy)}>Make an offer</button>
        </form>
      ) : null}
      <TxStatus state={tx} />
    </div>
  )
}
