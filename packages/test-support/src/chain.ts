// Real hardhat nodes for tests. `startDeployedChain`: the contracts as the deploy script deploys
// them (roles and all), for a PVA server to follow. `startChain`: PVATwin, PVAShares and PVAMarket
// deployed by one unlocked admin account, and a small helper contract (compiled here with the npm solc)
// that mints and transfers twins in bulk so thousands of Transfer events take a handful of
// transactions.
import fs from "fs"
import os from "os"
import path from "path"
import { pvaMarketAbi, pvaMarketBytecode, pvaSharesAbi, pvaSharesBytecode, pvaTwinAbi, pvaTwinBytecode, roles } from "@pva/contracts"
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  type Abi,
  type Address,
  type Hash,
  type Hex,
} from "viem"

/** Blocks per eth_getLogs when a test reads the whole chain back. */
const CANONICAL_RANGE = 20

const contractsDir = path.dirname(require.resolve("@pva/contracts/package.json"))
const { startHardhatNode } = require(path.join(contractsDir, "scripts", "lib", "hardhat-node.js")) as {
  startHardhatNode: (o?: { logFile?: string }) => Promise<HardhatNode>
}
const { deploy } = require(path.join(contractsDir, "scripts", "deploy.js")) as {
  deploy: (o: { rpcUrl: string; outDir: string; log: (line: string) => void }) => Promise<unknown>
}

export type HardhatNode = { url: string; port: number; pid: number; stop: () => Promise<void> }

/**
 * A hardhat node (its log in the temp folder, named after `label`) with the contracts deployed
 * by their deploy script into a temp deployments folder; `env` is what a PVA server needs to follow it.
 */
export async function startDeployedChain(label: string) {
  const node = await startHardhatNode({ logFile: path.join(os.tmpdir(), `pva-${label}-chain-${process.pid}.log`) })
  try {
    const deploymentsDir = fs.mkdtempSync(path.join(os.tmpdir(), `pva-${label}-deployments-`))
    await deploy({ rpcUrl: node.url, outDir: deploymentsDir, log: () => undefined })
    const env = { CHAIN_RPC_URL: node.url, CHAIN_RPC_URLS: node.url, CHAIN_ID: "31337", CHAIN_DEPLOYMENTS_DIR: deploymentsDir }
    return { node, url: node.url, deploymentsDir, env, stop: () => node.stop() }
  } catch (err) {
    await node.stop()
    throw err
  }
}

/** What a PVA server sets to follow the chain at once: chain sync on, no confirmations, fast polling. */
export const FOLLOW_AT_ONCE = { CHAIN_SYNC_FOLLOW: "true", CHAIN_CONFIRMATIONS: "0", CHAIN_SYNC_POLL_INTERVAL_MS: "100" }

// Hardhat's unlocked dev accounts (eth_sendTransaction signs on the node: no local signing cost).
export const ADMIN: Address = getAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")
export const ALICE: Address = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")
export const BOB: Address = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc")
/** Receives PVAMarket's platform fee on a `startChain` chain (Hardhat dev account #9). */
export const MARKET_FEE_RECIPIENT: Address = getAddress("0xa0ee7a142d267c1f36714e4a8f75612f20a79720")
/** PVAMarket's platform fee on a `startChain` chain, as the deploy script's default. */
export const MARKET_FEE_BPS = 250

const BATCH_SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
interface ITwin {
  function mintTo(address to, uint256 tokenId, bytes32 digest) external;
  function transferFrom(address from, address to, uint256 tokenId) external;
}
contract BatchTwins {
  function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
    return this.onERC721Received.selector;
  }
  function mint(ITwin twin, address to, uint256 firstId, uint256 count) external {
    for (uint256 i = 0; i < count; i++) twin.mintTo(to, firstId + i, bytes32(firstId + i + 1));
  }
  function transfer(ITwin twin, address to, uint256 firstId, uint256 count) external {
    for (uint256 i = 0; i < count; i++) twin.transferFrom(address(this), to, firstId + i);
  }
}
`

let compiled: { abi: Abi; bytecode: Hex } | undefined
export function batchTwinsArtifact(): { abi: Abi; bytecode: Hex } {
  if (compiled) return compiled
  const cache = path.join(os.tmpdir(), "pva-chain-sync-batch-twins-v1.json")
  if (fs.existsSync(cache)) return (compiled = JSON.parse(fs.readFileSync(cache, "utf8")))
  const solc = require("solc")
  const input = {
    language: "Solidity",
    sources: { "BatchTwins.sol": { content: BATCH_SOURCE } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input)))
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error")
  if (errors.length) throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join("\n"))
  const contract = output.contracts["BatchTwins.sol"].BatchTwins
  compiled = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` }
  fs.writeFileSync(cache, JSON.stringify(compiled))
  return compiled
}

export type TestChain = Awaited<ReturnType<typeof startChain>>

export async function startChain() {
  const logFile = path.join(os.tmpdir(), `pva-chain-sync-node-${process.pid}-${Date.now()}.log`)
  const node = await startHardhatNode({ logFile })
  const chain = defineChain({
    id: 31337,
    name: "Hardhat (chain-sync tests)",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [node.url] } },
  })
  const transport = http(node.url, { retryCount: 0, timeout: 60_000 })
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 })
  const testClient = createTestClient({ chain, transport, mode: "hardhat", pollingInterval: 20 })
  const wallet = createWalletClient({ account: ADMIN, chain, transport, pollingInterval: 20 })

  async function send(hash: Promise<Hash>) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash, pollingInterval: 20 })
    if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`)
    return receipt
  }
  async function deploy(abi: Abi, bytecode: Hex, args: readonly unknown[]) {
    const receipt = await send(wallet.deployContract({ abi, bytecode, args }))
    return { address: getAddress(receipt.contractAddress!), blockNumber: Number(receipt.blockNumber) }
  }

  const twin = await deploy(pvaTwinAbi as Abi, pvaTwinBytecode as Hex, [ADMIN])
  const shares = await deploy(pvaSharesAbi as Abi, pvaSharesBytecode as Hex, [ADMIN, "ipfs://shares/{id}.json"])
  // The admin holds the market's DEFAULT_ADMIN_ROLE (fee, pause), as the deployer does in deploy.js.
  const market = await deploy(pvaMarketAbi as Abi, pvaMarketBytecode as Hex, [ADMIN, twin.address, shares.address, MARKET_FEE_RECIPIENT, MARKET_FEE_BPS])
  const batchArtifact = batchTwinsArtifact()
  const batch = await deploy(batchArtifact.abi, batchArtifact.bytecode, [])
  for (const role of ["MINTER_ROLE", "ATTESTER_ROLE"] as const) {
    await send(wallet.writeContract({ address: twin.address, abi: pvaTwinAbi, functionName: "grantRole", args: [roles[role], ADMIN] }))
  }
  await send(
    wallet.writeContract({ address: twin.address, abi: pvaTwinAbi, functionName: "grantRole", args: [roles.MINTER_ROLE, batch.address] }),
  )
  for (const role of ["ISSUER_ROLE", "MINTER_ROLE", "COMPLIANCE_ROLE"] as const) {
    await send(
      wallet.writeContract({ address: shares.address, abi: pvaSharesAbi, functionName: "grantRole", args: [roles[role], ADMIN] }),
    )
  }

  let nextTokenId = 1n
  const helpers = {
    node,
    url: node.url,
    logFile,
    publicClient,
    testClient,
    wallet,
    twin,
    shares,
    market,
    batch,
    send,
    /** Mints `count` twins to the batch contract and transfers them to `to`: 2 × count Transfer logs. */
    async mintAndTransfer(count: number, { perTx = 200, to = ALICE }: { perTx?: number; to?: Address } = {}) {
      for (let done = 0; done < count; done += perTx) {
        const n = BigInt(Math.min(perTx, count - done))
        const first = nextTokenId
        nextTokenId += n
        await send(wallet.writeContract({ address: batch.address, abi: batchArtifact.abi, functionName: "mint", args: [twin.address, batch.address, first, n] }))
        await send(wallet.writeContract({ address: batch.address, abi: batchArtifact.abi, functionName: "transfer", args: [twin.address, to, first, n] }))
      }
    },
    /** Mints one twin to `to` (one Transfer log) and returns the receipt. */
    async mintOne(to: Address = ALICE) {
      const id = nextTokenId++
      return send(wallet.writeContract({ address: twin.address, abi: pvaTwinAbi, functionName: "mintTo", args: [to, id, `0x${id.toString(16).padStart(64, "0")}`] }))
    },
    /** An offering with eligible holders and a share mint: OfferingCreated, EligibilitySet ×1, TransferSingle. */
    async sharesActivity(offeringId: bigint, holder: Address = ALICE) {
      await send(wallet.writeContract({ address: shares.address, abi: pvaSharesAbi, functionName: "createOffering", args: [offeringId, 1n, 100n, 0n] }))
      await send(wallet.writeContract({ address: shares.address, abi: pvaSharesAbi, functionName: "setEligible", args: [holder, true] }))
      await send(wallet.writeContract({ address: shares.address, abi: pvaSharesAbi, functionName: "mintShares", args: [holder, offeringId, 10n] }))
    },
    /** Moves twin `tokenId` from `from` to `to` (an unlocked dev account), one Transfer log. */
    async transfer(from: Address, to: Address, tokenId: bigint) {
      const owner = createWalletClient({ account: from, chain, transport, pollingInterval: 20 })
      return send(owner.writeContract({ address: twin.address, abi: pvaTwinAbi, functionName: "transferFrom", args: [from, to, tokenId] }))
    },
    /** `evm_mine` one block at a time: real parent hashes (hardhat_mine leaves them zero). */
    async evmMine(blocks: number) {
      for (let i = 0; i < blocks; i++) await testClient.request({ method: "evm_mine" } as any)
    },
    get nextTokenId() {
      return nextTokenId
    },
    async head() {
      return Number(await publicClient.getBlockNumber())
    },
    async mine(blocks: number) {
      await testClient.mine({ blocks })
    },
    /** The chain's own answer: every log of the three contracts, canonical, read in block ranges small enough for one RPC response each. */
    async canonicalLogs(fromBlock = Math.min(twin.blockNumber, shares.blockNumber, market.blockNumber)) {
      const head = Number(await publicClient.getBlockNumber())
      const out: Array<{ block_hash: string; log_index: number; block_number: number }> = []
      for (let from = fromBlock; from <= head; from += CANONICAL_RANGE) {
        const to = Math.min(head, from + CANONICAL_RANGE - 1)
        const logs = await publicClient.request({
          method: "eth_getLogs",
          params: [{ fromBlock: `0x${from.toString(16)}`, toBlock: `0x${to.toString(16)}`, address: [twin.address, shares.address, market.address] }],
        })
        for (const l of logs as Array<{ blockHash: string; logIndex: string; blockNumber: string }>) {
          out.push({ block_hash: l.blockHash.toLowerCase(), log_index: Number(l.logIndex), block_number: Number(l.blockNumber) })
        }
      }
      return out
    },
    /** Deployment file as the contracts workspace writes it, in a temp folder. */
    writeDeployment(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-chain-sync-deployments-"))
      fs.writeFileSync(
        path.join(dir, "31337.json"),
        JSON.stringify({ chainId: 31337, deployedAt: new Date().toISOString(), contracts: { PVATwin: twin, PVAShares: shares, PVAMarket: market } }, null, 2),
      )
      return dir
    },
    stop: () => node.stop(),
  }
  return helpers
}

/** The three PVA contracts as sync-engine specs, as a server follows them from the deployment file. */
export function specsFor(chain: TestChain) {
  return [
    { name: "PVATwin", address: chain.twin.address, abi: pvaTwinAbi as Abi, startBlock: chain.twin.blockNumber },
    { name: "PVAShares", address: chain.shares.address, abi: pvaSharesAbi as Abi, startBlock: chain.shares.blockNumber },
    { name: "PVAMarket", address: chain.market.address, abi: pvaMarketAbi as Abi, startBlock: chain.market.blockNumber },
  ]
}
