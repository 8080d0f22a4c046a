import { createSiweMessage } from "viem/siwe"

const LIFETIME_MS = 10 * 60 * 1000

/** The EIP-4361 message this site asks a wallet to sign: its own host and origin, our chain, the server's nonce. */
export function siweMessage(input: { address: `0x${string}`; chainId: number; nonce: string; now?: Date; location?: { host: string; origin: string } }) {
  const now = input.now ?? new Date()
  const location = input.location ?? window.location
  return createSiweMessage({
    domain: location.host,
    uri: location.origin,
    address: input.address,
    chainId: input.chainId,
    nonce: input.nonce,
    version: "1",
    issuedAt: now,
    expirationTime: new Date(now.getTime() + LIFETIME_MS),
    statement: "Link this wallet to my PVA Bazaar account.",
  })
}

/** A wallet's refusal in plain words; anything else keeps its first line. */
export function walletErrorMessage(err: any): string {
  const code = err?.code ?? err?.cause?.code
  const text = String(err?.message ?? err ?? "")
  if (code === 4001 || /user rejected|user denied|rejected the request/i.test(text)) return "You rejected the request in your wallet. Nothing was signed or sent."
  if (code === 4902 || /unrecognized chain|unknown chain/i.test(text)) return "Your wallet does not know our network yet. Add it in your wallet, then try again."
  return text.split("\n")[0] || "Your wallet reported an error."
}
