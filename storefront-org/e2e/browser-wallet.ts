import type { BrowserContext } from "playwright-core"
import { createWalletClient, http, numberToHex, type Hex } from "viem"
import { privateKeyToAccount } from "viem/accounts"
import { hardhat } from "viem/chains"

/**
 * A browser wallet for the journeys: an EIP-1193 provider injected into every page and
 * announced through EIP-6963, whose requests come here. Accounts and signatures come from a
 * local key (viem); everything else is forwarded to the Hardhat node. `chainId` can start on
 * another chain, to see the site ask for a switch.
 */
export async function installBrowserWallet(context: BrowserContext, opts: { privateKey: Hex; rpcUrl: string; chainId?: number; rejectSignatures?: boolean }) {
  const account = privateKeyToAccount(opts.privateKey)
  const client = createWalletClient({ account, chain: hardhat, transport: http(opts.rpcUrl) })
  const state = { chainId: opts.chainId ?? 31337, rejectSignatures: Boolean(opts.rejectSignatures), requests: [] as string[] }

  await context.exposeBinding("__pvaWalletRequest", async (_source, method: string, params: any[] = []) => {
    state.requests.push(method)
    switch (method) {
      case "eth_requestAccounts":
      case "eth_accounts":
        return [account.address]
      case "eth_chainId":
        return numberToHex(state.chainId)
      case "net_version":
        return String(state.chainId)
      case "wallet_switchEthereumChain": {
        const wanted = Number(params[0]?.chainId)
        if (wanted !== 31337) throw Object.assign(new Error("Unrecognized chain ID"), { code: 4902 })
        state.chainId = wanted
        return null
      }
      case "personal_sign": {
        if (state.rejectSignatures) throw Object.assign(new Error("User rejected the request."), { code: 4001 })
        const [data] = params
        return account.signMessage({ message: { raw: data as Hex } })
      }
      case "eth_sendTransaction": {
        const tx = params[0]
        return client.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        } as any)
      }
      default: {
        const res = await fetch(opts.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) })
        const body = await res.json()
        if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code })
        return body.result
      }
    }
  })

  await context.addInitScript(() => {
    type Listener = (...args: unknown[]) => void
    const listeners: Record<string, Listener[]> = {}
    const provider = {
      isPvaTestWallet: true,
      async request({ method, params }: { method: string; params?: unknown[] }) {
        try {
          const result = await (window as any).__pvaWalletRequest(method, params ?? [])
          if (method === "wallet_switchEthereumChain") (listeners.chainChanged ?? []).forEach((f) => f("0x7a69"))
          return result
        } catch (err: any) {
          const message = String(err?.message ?? err)
          const code = /User rejected/.test(message) ? 4001 : /Unrecognized chain/.test(message) ? 4902 : -32603
          throw Object.assign(new Error(message), { code })
        }
      },
      on(event: string, fn: Listener) {
        ;(listeners[event] ??= []).push(fn)
      },
      removeListener(event: string, fn: Listener) {
        listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn)
      },
    }
    const info = {
      uuid: "6f1c1d5e-5a5e-4a4e-9d55-7e6a2b1f0c01",
      name: "PVA Test Wallet",
      icon: "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxIiBoZWlnaHQ9IjEiLz4=",
      rdns: "org.pvabazaar.testwallet",
    }
    const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }))
    window.addEventListener("eip6963:requestProvider", announce)
    announce()
  })

  return { address: account.address, state }
}
