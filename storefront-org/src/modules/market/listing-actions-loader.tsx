"use client"

import dynamic from "next/dynamic"

// Wallet code is loaded by the listing page only, in the browser, after the listing has painted.
export const ListingActionsLoader = dynamic(() => import("./listing-actions").then((m) => m.ListingActions), {
  ssr: false,
  loading: () => <p className="muted">Loading the wallet tools…</p>,
})
