// The shares plugin's chain settings and keys, checked when the plugin loads: a typo in CHAIN_ID
// or a malformed CHAIN_MINTER_KEY stops the start with the variable's name, not the first mint.
import { sharesChainConfig } from "../lib/chain-config"

export default async function checkSharesSettings(): Promise<void> {
  sharesChainConfig()
}
