#!/usr/bin/env node
// Puts something on the local market (chain 31337 only): one fixed-price twin, one English
// auction with a first bid (its clock running) and one Dutch auction, each twin minted to
// Hardhat dev account #5 (the seller). `npm run dev` runs it once its chain is deployed (with
// --if-empty: a market that has listings is left alone); by hand, against a chain started by
// `npm run dev` or `npm run chain -w contracts`:
//
//   npm run seed:market -w contracts               (three more listings at every run)
//   node contracts/scripts/seed-market.js --if-empty   (only on a market with no listing yet)
//
// The twins get ids from SEED_TWIN_BASE up, far above the store's token-id sequence, and the
// deployer mints them with a MINTER_ROLE it grants itself and revokes afterwards, so the
// server's account (and its nonces) is left alone. Same CHAIN_RPC_URL / CHAIN_DEPLOYMENTS_DIR
// as scripts/deploy.js.
const { createPublicClient, createWalletClient, defineChain, http, keccak256, parseEther, parseEventLogs, toHex } = require("viem");
const { mnemonicToAccount } = require("viem/accounts");
const { loadPackage } = require("./lib/package-entry");

const pkg = loadPackage();
const MNEMONIC = "test test test test test test test test test test test junk";
const SEED_TWIN_BASE = 1_000_000_000n;
const DAY = 86_400;

/**
 * @param {{rpcUrl?: string, deploymentsDir?: string, log?: (line: string) => void, ifEmpty?: boolean}} [options]
 *   ifEmpty: do nothing (and return null) when the market already has a listing.
 * @returns {Promise<{fixedPrice: bigint, english: bigint, dutch: bigint, twins: bigint[]} | null>} listing ids and twin ids
 */
async function seedMarket(options = {}) {
  const rpcUrl = options.rpcUrl ?? process.env.CHAIN_RPC_URL ?? "http://127.0.0.1:8545";
  const log = options.log ?? ((line) => console.log(line));
  const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  const chainId = await probe.getChainId();
  if (chainId !== pkg.DEV_CHAIN_ID) throw new Error(`the market seed only runs on the local chain ${pkg.DEV_CHAIN_ID}, not ${chainId}`);
  const deployment = pkg.loadDeployment(chainId, options.deploymentsDir ?? process.env.CHAIN_DEPLOYMENTS_DIR);
  const { PVATwin, PVAMarket } = deployment.contracts;
  if (!PVAMarket) throw new Error("the deployment has no PVAMarket; redeploy with scripts/deploy.js");

  const chain = defineChain({ id: chainId, name: "local", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
  const transport = http(rpcUrl, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100 });
  const [deployer, seller, bidder] = [0, 5, 6].map((addressIndex) => mnemonicToAccount(MNEMONIC, { addressIndex }));
  async function send(account, address, abi, functionName, args, value) {
    const hash = await createWalletClient({ account, chain, transport }).writeContract({ address, abi, functionName, args, value });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted (${hash})`);
    return receipt;
  }
  const twin = (account, functionName, args) => send(account, PVATwin.address, pkg.pvaTwinAbi, functionName, args);
  const market = (account, functionName, args, value) => send(account, PVAMarket.address, pkg.pvaMarketAbi, functionName, args, value);
  if (options.ifEmpty) {
    // Listing ids start at 1: a first listing with a status means the market was seeded (or used).
    const first = await publicClient.readContract({ address: PVAMarket.address, abi: pkg.pvaMarketAbi, functionName: "getListing", args: [1n] });
    if (first.status !== 0) {
      log(`market on chain ${chainId} already has listings: not seeded again`);
      return null;
    }
  }
  const listingIdOf = (receipt) => parseEventLogs({ abi: pkg.pvaMarketAbi, logs: receipt.logs, eventName: "Listed" })[0].args.listingId;

  // The next free ids from the base, so running the seed twice adds three more listings.
  let tokenId = SEED_TWIN_BASE;
  const exists = (id) =>
    publicClient.readContract({ address: PVATwin.address, abi: pkg.pvaTwinAbi, functionName: "ownerOf", args: [id] }).then(() => true, () => false);
  while (await exists(tokenId)) tokenId++;
  const twins = [tokenId, tokenId + 1n, tokenId + 2n];

  await twin(deployer, "grantRole", [pkg.roles.MINTER_ROLE, deployer.address]);
  try {
    for (const id of twins) await twin(deployer, "mintTo", [seller.address, id, keccak256(toHex(`pva-market-seed-${id}`))]);
  } finally {
    await twin(deployer, "revokeRole", [pkg.roles.MINTER_ROLE, deployer.address]);
  }
  await twin(seller, "setApprovalForAll", [PVAMarket.address, true]);

  const fixedPrice = listingIdOf(await market(seller, "listFixedPrice", [PVATwin.address, twins[0], 1n, parseEther("1.5")]));
  const english = listingIdOf(await market(seller, "createAuction", [PVATwin.address, twins[1], 1n, parseEther("1"), DAY, 500, 600]));
  await market(bidder, "bid", [english], parseEther("1"));
  const dutch = listingIdOf(await market(seller, "listDutch", [PVATwin.address, twins[2], 1n, parseEther("3"), parseEther("0.5"), DAY]));
  log(`market seeded on chain ${chainId}: fixed price #${fixedPrice} (twin ${twins[0]}), English #${english} (twin ${twins[1]}, one bid), Dutch #${dutch} (twin ${twins[2]})`);
  return { fixedPrice, english, dutch, twins };
}

if (require.main === module) {
  seedMarket({ ifEmpty: process.argv.includes("--if-empty") }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { seedMarket };
