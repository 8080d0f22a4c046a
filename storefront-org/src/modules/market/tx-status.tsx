import { txUrl } from "@/lib/chain-config"
import type { TxState } from "./use-transaction"

export function TxStatus({ state }: { state: TxState }) {
  return (
    <div aria-live="polite">
      {state.busy ? <p className="muted" data-testid="market-tx-busy">{state.busy}: confirm in your wallet, then wait for the chain…</p> : null}
      {state.done ? (
        <p className="ok" data-testid="market-tx-done">
          {state.done.label}: done. <a href={txUrl(state.done.hash)}>Transaction {state.done.hash.slice(0, 10)}…</a>
        </p>
      ) : null}
      {state.error ? <p className="alert" role="alert" data-testid="market-error">{state.error}</p> : null}
    </div>
  )
}
