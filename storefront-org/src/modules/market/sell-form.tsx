"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { readContract, getContract } from "thirdweb"
import { listingNow } from "@/lib/actions/market"
import { saleTerms, type SellForm as Fields } from "@/lib/market/sale-terms"
import type { AssetType, ListingKind, MarketConfig } from "@/lib/market/types"
import { pvaChain, thirdwebClient } from "@/modules/wallet/thirdweb"
import { ConnectWallet, type ConnectedWallet } from "./connect-wallet"
import { APPROVAL_METHODS } from "./market-methods"
import * as market from "./market-calls"
import { TxStatus } from "./tx-status"
import { useTransaction } from "./use-transaction"

const FOLLOW_POLL_MS = 500
const FOLLOW_TRIES = 60

const INITIAL: Fields = {
  kind: "fixed",
  quantity: "1",
  price: "",
  reserve: "",
  startPrice: "",
  floorPrice: "",
  durationHours: "24",
  minIncrementPercent: "5",
  extensionMinutes: "10",
}

/**
 * Selling a twin or shares from the holder's wallet: approve the market once for the whole
 * collection, then list at a fixed price, as an English auction with a reserve, or on a Dutch
 * schedule. The token stays in the wallet until it sells.
 */
export function SellForm({ asset, tokenId, config }: { asset: AssetType; tokenId: string; config: MarketConfig }) {
  const router = useRouter()
  const [wallet, setWallet] = useState<ConnectedWallet | null>(null)
  const [approved, setApproved] = useState<boolean | null>(null)
  const [fields, setFields] = useState<Fields>(INITIAL)
  const [formError, setFormError] = useState<string | null>(null)
  const token = asset === "twin" ? config.twin_address : config.shares_address
  const w = wallet ? { account: wallet.account, market: config.market_address } : null

  useEffect(() => {
    if (!wallet) return
    const contract = getContract({ client: thirdwebClient, chain: pvaChain, address: token })
    readContract({ contract, method: APPROVAL_METHODS.isApprovedForAll, params: [wallet.address, config.market_address] }).then(setApproved, () => setApproved(false))
  }, [wallet, token, config.market_address])

  const approval = useTransaction(async () => setApproved(true))
  const listing = useTransaction()

  const set = (key: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [key]: e.target.value })

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    if (!w) return
    const checked = saleTerms(fields, asset, null)
    if (!checked.ok) return setFormError(checked.message)
    setFormError(null)
    await listing.run("List", async () => {
      const { hash, listingId } = await market.list(w, token, BigInt(tokenId), checked.terms)
      // The listing page reads the store: open it once chain sync has the listing.
      for (let i = 0; i < FOLLOW_TRIES; i++) {
        if ((await listingNow(listingId)).ok) {
          router.push(`/market/${listingId}`)
          break
        }
        await new Promise((resolve) => setTimeout(resolve, FOLLOW_POLL_MS))
      }
      return hash
    })
  }

  const kindRadio = (kind: ListingKind, label: string) => (
    <label><input type="radio" name="kind" value={kind} checked={fields.kind === kind} onChange={() => setFields({ ...fields, kind })} /> {label}</label>
  )

  return (
    <div>
      <section className="section" aria-labelledby="sell-connect">
        <h2 id="sell-connect">1. Connect the wallet that holds it</h2>
        {wallet ? <p className="ok" data-testid="wallet-connected">Wallet <span className="mono">{wallet.address}</span> connected.</p> : <ConnectWallet onConnected={setWallet} />}
      </section>
      <section className="section" aria-labelledby="sell-approve">
        <h2 id="sell-approve">2. Let the market deliver it when it sells</h2>
        {wallet && approved === null ? (
          <p className="muted">Checking whether the market is approved…</p>
        ) : approved ? (
          <p className="ok" data-testid="market-approved">The market is approved for your {asset === "twin" ? "twins" : "shares"}: it can only move them when a sale completes.</p>
        ) : (
          <>
            <p className="muted">One approval covers every later listing of your {asset === "twin" ? "twins" : "shares"}.</p>
            <button type="button" className="btn btn-primary" disabled={!w || Boolean(approval.busy)} onClick={() => w && approval.run("Approve", () => market.approveOnce(w, token))}>
              Approve the market
            </button>
          </>
        )}
        <TxStatus state={approval} />
      </section>
      <section className="section" aria-labelledby="sell-terms">
        <h2 id="sell-terms">3. Terms</h2>
        <form onSubmit={onSubmit} noValidate>
          <fieldset style={{ border: 0, padding: 0, margin: "12px 0" }}>
            <legend><strong>How do you want to sell?</strong></legend>
            {kindRadio("fixed", "Fixed price")}
            {kindRadio("english", "English auction (highest bid wins, with a reserve)")}
            {kindRadio("dutch", "Dutch auction (the price falls to a floor)")}
          </fieldset>
          {asset === "shares" ? <><label htmlFor="quantity">Shares to sell</label><input id="quantity" value={fields.quantity} onChange={set("quantity")} inputMode="numeric" /></> : null}
          {fields.kind === "fixed" ? <><label htmlFor="price">Price (ETH{asset === "shares" ? " per share" : ""})</label><input id="price" value={fields.price} onChange={set("price")} inputMode="decimal" /></> : null}
          {fields.kind === "english" ? (
            <>
              <label htmlFor="reserve">Reserve price (ETH)</label><input id="reserve" value={fields.reserve} onChange={set("reserve")} inputMode="decimal" />
              <label htmlFor="min-increment">Minimum raise per bid (%)</label><input id="min-increment" value={fields.minIncrementPercent} onChange={set("minIncrementPercent")} inputMode="decimal" />
              <label htmlFor="extension">A late bid extends the end by (minutes)</label><input id="extension" value={fields.extensionMinutes} onChange={set("extensionMinutes")} inputMode="decimal" />
            </>
          ) : null}
          {fields.kind === "dutch" ? (
            <>
              <label htmlFor="start-price">Start price (ETH{asset === "shares" ? " per share" : ""})</label><input id="start-price" value={fields.startPrice} onChange={set("startPrice")} inputMode="decimal" />
              <label htmlFor="floor-price">Floor price (ETH{asset === "shares" ? " per share" : ""})</label><input id="floor-price" value={fields.floorPrice} onChange={set("floorPrice")} inputMode="decimal" />
            </>
          ) : null}
          {fields.kind !== "fixed" ? (
            <><label htmlFor="duration">{fields.kind === "english" ? "Bidding time after the first bid (hours)" : "Time to fall to the floor (hours)"}</label><input id="duration" value={fields.durationHours} onChange={set("durationHours")} inputMode="decimal" /></>
          ) : null}
          <button className="btn btn-primary" type="submit" disabled={!approved || Boolean(listing.busy)}>List it</button>
          {formError ? <p className="alert" role="alert" data-testid="sell-error">{formError}</p> : null}
        </form>
        <TxStatus state={listing} />
      </section>
    </div>
  )
}
