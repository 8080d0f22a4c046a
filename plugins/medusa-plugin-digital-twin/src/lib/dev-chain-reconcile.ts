// `npm run dev` starts an empty local chain each time while the embedded database persists.
// This brings them back into agreement before the server starts: on a new chain, everything
// the store learnt from the old one is dropped (chain sync's logs and cursors, mint and
// transfer events, pending relays), and what the store says is minted is minted again, to its
// last owner; chain sync then confirms those mints as usual. Local chain (31337) only.
import { loadDeployment, pvaTwinAbi } from "@pva/contracts"
import { forgetChain } from "@pva/medusa-plugin-chain-sync"
import { Client } from "pg"
import { createPublicClient, createWalletClient, defineChain, getAddress, http, type Hex } from "viem"
import { privateKeyToAccount } from "viem/accounts"
import { awaitingCustodialMint, forgetChainState, setRelayTx } from "../db/digital-twin"
import { chainStateOf, saveChainState } from "../db/digital-twin-chain-state"
import { forgetAllChainEvents } from "../db/digital-twin-event"

export type ReconcileOptions = {
  databaseUrl: string
  rpcUrl: string
  minterKey: Hex
  deploymentsDir?: string
  log?: (line: string) => void
}

export async function reconcileDevChain(opts: ReconcileOptions): Promise<{ freshChain: boolean; minted: string[] }> {
  const log = opts.log ?? ((line: string) => console.log(line))
  const chain = defineChain({
    id: 31337,
    name: "local",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [opts.rpcUrl] } },
  })
  const transport = http(opts.rpcUrl, { retryCount: 0 })
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100 })
  if ((await publicClient.getChainId()) !== 31337) throw new Error("dev chain reconcile runs only against the local chain 31337")
  const twin = loadDeployment(31337, opts.deploymentsDir).contracts.PVATwin
  const deploymentBlock = await publicClient.getBlock({ blockNumber: BigInt(twin.blockNumber) }).catch(() => null)
  const blockHash = deploymentBlock?.hash ?? "none"

  const db = new Client({ connectionString: opts.databaseUrl })
  // Held across chain calls: a connection PostgreSQL ends meanwhile fails the next query instead of the process.
  db.on("error", (err) => log(`digital twins: database connection lost (${err.message})`))
  await db.connect()
  try {
    const state = await chainStateOf(db, 31337)
    const freshChain = !state || state.contract_address !== twin.address.toLowerCase() || state.deployment_block_hash !== blockHash
    await db.query("BEGIN")
    if (freshChain) {
      await forgetChain(db, 31337)
      // Minted twins are minted again below; a relay the old chain took is gone with it.
      await forgetChainState(db)
      await forgetAllChainEvents(db)
      await saveChainState(db, { chain_id: 31337, contract_address: twin.address.toLowerCase(), deployment_block_hash: blockHash })
    }
    await db.query("COMMIT")

    // Custodial mints the store is waiting for: re-mints after a fresh chain, and the seed's.
    const pending = await awaitingCustodialMint(db)
    const minter = privateKeyToAccount(opts.minterKey)
    const wallet = createWalletClient({ account: minter, chain, transport })
    const minted: string[] = []
    for (const row of pending) {
      const exists = await publicClient
        .readContract({ address: twin.address, abi: pvaTwinAbi, functionName: "ownerOf", args: [BigInt(row.token_id)] })
        .then(() => true, () => false)
      if (exists) continue
      const hash = await wallet.writeContract({
        address: twin.address,
        abi: pvaTwinAbi,
        functionName: "mintTo",
        args: [getAddress(row.target), BigInt(row.token_id), row.metadata_digest],
      })
      const receipt = await publicClient.waitForTransactionReceipt({ hash })
      if (receipt.status !== "success") throw new Error(`re-minting twin ${row.token_id} reverted (${hash})`)
      await setRelayTx(db, row.id, hash)
      minted.push(row.token_id)
    }
    log(
      `digital twins: ${freshChain ? "new local chain, chain-derived state reset; " : ""}` +
        `${minted.length ? `minted ${minted.map((t) => `#${t}`).join(", ")}` : "nothing to mint"}`
    )
    return { freshChain, minted }
  } finally {
    await db.end()
  }
}
