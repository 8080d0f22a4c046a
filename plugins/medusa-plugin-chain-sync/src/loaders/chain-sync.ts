// Starts the follower when the plugin is configured to follow in this process
// (option `follow: true` or CHAIN_SYNC_FOLLOW=true). Without it the plugin only serves
// status and its tables; `pva-chain-sync backfill` or another process does the reading.
import type { ChainSyncPluginOptions } from "../lib/config"
import { resolveSettings } from "../lib/config"
import type ChainSyncService from "../services/chain-sync"

export default async function chainSyncLoader(
  container: { resolve: <T>(name: string) => T },
  options: ChainSyncPluginOptions = {},
): Promise<void> {
  if (!resolveSettings(options).follow) return
  const service = container.resolve<ChainSyncService>("chainSyncService")
  service.start()
  const stop = () => {
    void service.stop()
  }
  process.once("SIGTERM", stop)
  process.once("SIGINT", stop)
}
