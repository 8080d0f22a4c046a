"use client"

import { useState } from "react"
import { marketErrorMessage } from "./market-errors"

export type TxState = { busy: string | null; error: string | null; done: { label: string; hash: string } | null }

/**
 * One wallet transaction at a time for a panel: which one is running, its outcome as a sentence,
 * and `after` run once the chain has it (to wait for the store to follow, then refresh).
 */
export function useTransaction(after?: () => Promise<void>) {
  const [state, setState] = useState<TxState>({ busy: null, error: null, done: null })
  async function run(label: string, send: () => Promise<string>) {
    setState({ busy: label, error: null, done: null })
    try {
      const hash = await send()
      if (after) await after()
      setState({ busy: null, error: null, done: { label, hash } })
    } catch (err) {
      setState({ busy: null, error: marketErrorMessage(err), done: null })
    }
  }
  return { ...state, run }
}
