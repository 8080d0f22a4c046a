"use client"

import dynamic from "next/dynamic"

// Wallet code is loaded by this page only, in the browser.
export const ClaimLoader = dynamic(() => import("./claim-flow").then((m) => m.ClaimFlow), {
  ssr: false,
  loading: () => <p className="muted">Loading the wallet tools…</p>,
})
