"use client"

import { useCallback, useState } from "react"
import { errorMessage } from "@pva/storefront-core"

/** Runs one store action at a time and keeps its error message for the page to show. */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, run }
}
