import { eth_getBlockByNumber, getRpcClient } from "thirdweb/rpc"
import { pvaChain, thirdwebClient } from "@/modules/wallet/thirdweb"

/**
 * How far the chain's clock is ahead of this device's (ms). A latest block older than now only
 * means no block was mined since (the next one takes the current time), so never negative.
 */
export async function chainClockOffsetMs(): Promise<number> {
  const block = await eth_getBlockByNumber(getRpcClient({ client: thirdwebClient, chain: pvaChain }), { blockTag: "latest" })
  return Math.max(0, Number(block.timestamp) * 1000 - Date.now())
}
