"use client"

import { useEffect, useState } from "react"

/**
 * The token an emailed link carried, taken out of the address bar once read so it
 * stays out of history, bookmarks and screenshots (the page also sends no Referer).
 */
export function useEmailLinkToken(fromServer: string): string {
  const [token] = useState(fromServer)
  useEffect(() => {
    if (window.location.search) window.history.replaceState(window.history.state, "", window.location.pathname)
  }, [])
  return token
}
