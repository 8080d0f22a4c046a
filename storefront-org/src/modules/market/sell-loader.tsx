"use client"

import dynamic from "next/dynamic"

// Wallet code is loaded by the sell page only, in the browser.
export const SellLoader = dynamic(() => import("./sell-form").then((m) => m.SellForm), {
  ssr: false,
  loading: () => <p className="muted">Loading the wallet tools…</p>,
})
