#!/usr/bin/env node
// Deploys PVATwin, PVAShares and PVAMarket to a running node, grants the server its roles, and
// writes deployments/<chainId>.json.
//
//   CHAIN_RPC_URL         default http://127.0.0.1:8545
//   CHAIN_DEPLOYER_KEY    default: hardhat dev account #0 (receives DEFAULT_ADMIN_ROLE)
//   CHAIN_SERVER_ADDRESS  default: address of CHAIN_SERVER_KEY
//   CHAIN_SERVER_KEY      default: hardhat dev account #1
// Hardhat's published keys (the defaults) are refused on every chain but 31337.
//   CHAIN_DEPLOYMENTS_DIR default: contracts/deployments
//   CHAIN_SHARES_URI      default: ipfs://pva-shares/{id}.json (ERC-1155 metadata template)
//   CHAIN_MARKET_FEE_RECIPIENT default: the deployer (receives PVAMarket's platform fee)
//   CHAIN_MARKET_FEE_BPS  default: 250 (2.5%; PVAMarket refuses more than 1000)
const fs = require("node:fs");
const path = require("node:path");
const { createPublicClient, createWalletClient, defineChain, getAddress, http } = require("viem");
const { privateKeyToAccount } = require("viem/accounts");
const { loadPackage } = require("./lib/package-entry");

const pkg = loadPackage();
// Hardhat's well-known development keys (public knowledge): the defaults on the local chain only.
const [HARDHAT_KEY_0, HARDHAT_KEY_1] = pkg.WELL_KNOWN_DEV_KEYS;

/**
 * Anyone can sign with the development mnemonic's keys, so on any chain but the local one
 * they must neither deploy (they would hold DEFAULT_ADMIN_ROLE) nor receive the server's roles.
 */
function refuseWellKnownKeys({ chainId, deployerKey, serverAddress, feeRecipient }) {
  if (chainId === pkg.DEV_CHAIN_ID) return;
  const problems = [];
  if (pkg.isWellKnownDevKey(deployerKey)) problems.push("CHAIN_DEPLOYER_KEY is unset or a well-known development key");
  if (pkg.isWellKnownDevAddress(serverAddress)) {
    problems.push("the server address (CHAIN_SERVER_ADDRESS or CHAIN_SERVER_KEY) is unset or a well-known development account");
  }
  // Anyone holding a published key could withdraw the market's fees.
  if (feeRecipient && pkg.isWellKnownDevAddress(feeRecipient)) {
    problems.push("CHAIN_MARKET_FEE_RECIPIENT is a well-known development account");
  }
  if (problems.length) {
    throw new Error(
      `refusing to deploy to chain ${chainId}: ${problems.join("; ")}. ` +
        `Hardhat's published keys are only for the local chain ${pkg.DEV_CHAIN_ID}; set keys of your own.`,
    );
  }
}

/** The platform fee in basis points: a whole number the contract accepts (0–1000). */
function parseFeeBps(value) {
  const bps = Number(value);
  if (!/^\d+$/.test(String(value).trim()) || bps > 1000) {
    throw new Error(`CHAIN_MARKET_FEE_BPS must be a whole number of basis points from 0 to 1000, got "${value}"`);
  }
  return bps;
}

/**
 * @param {object} [options]
 * @returns {Promise<import('../dist').Deployment>}
 */
async function deploy(options = {}) {
  const env = process.env;
  const rpcUrl = options.rpcUrl ?? env.CHAIN_RPC_URL ?? "http://127.0.0.1:8545";
  const deployerKey = options.deployerKey ?? env.CHAIN_DEPLOYER_KEY ?? HARDHAT_KEY_0;
  const serverAddress = getAddress(
    options.serverAddress ?? env.CHAIN_SERVER_ADDRESS ?? privateKeyToAccount(env.CHAIN_SERVER_KEY ?? HARDHAT_KEY_1).address,
  );
  const sharesUri = options.sharesUri ?? env.CHAIN_SHARES_URI ?? "ipfs://pva-shares/{id}.json";
  const log = options.log ?? ((line) => console.log(line));
  const feeRecipientOption = options.marketFeeRecipient ?? env.CHAIN_MARKET_FEE_RECIPIENT;
  const feeBps = parseFeeBps(options.marketFeeBps ?? env.CHAIN_MARKET_FEE_BPS ?? "250");

  const outDir = options.outDir ?? env.CHAIN_DEPLOYMENTS_DIR ?? pkg.deploymentsDir();

  const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  const chainId = await probe.getChainId();
  const feeRecipient = feeRecipientOption ? getAddress(feeRecipientOption) : undefined;
  refuseWellKnownKeys({ chainId, deployerKey, serverAddress, feeRecipient });
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100 });
  const deployer = privateKeyToAccount(deployerKey);
  const wallet = createWalletClient({ account: deployer, chain, transport });

  async function waitOk(hash, what) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${what} reverted (${hash})`);
    return receipt;
  }
  async function deployContract(name, abi, bytecode, args) {
    const receipt = await waitOk(await wallet.deployContract({ abi, bytecode, args }), `deploying ${name}`);
    const address = getAddress(receipt.contractAddress);
    log(`${name} deployed at ${address} (block ${receipt.blockNumber})`);
    return { address, blockNumber: Number(receipt.blockNumber) };
  }

  log(`deploying to chain ${chainId} at ${rpcUrl} from ${deployer.address}`);
  const twin = await deployContract("PVATwin", pkg.pvaTwinAbi, pkg.pvaTwinBytecode, [deployer.address]);
  const shares = await deployContract("PVAShares", pkg.pvaSharesAbi, pkg.pvaSharesBytecode, [deployer.address, sharesUri]);
  // The deployer is the market's admin (fee, pause), as for the other two contracts.
  const market = await deployContract("PVAMarket", pkg.pvaMarketAbi, pkg.pvaMarketBytecode, [
    deployer.address,
    twin.address,
    shares.address,
    feeRecipient ?? deployer.address,
    feeBps,
  ]);

  const grants = [
    ["PVATwin", twin.address, pkg.pvaTwinAbi, "MINTER_ROLE"],
    ["PVATwin", twin.address, pkg.pvaTwinAbi, "ATTESTER_ROLE"],
    ["PVAShares", shares.address, pkg.pvaSharesAbi, "ISSUER_ROLE"],
    ["PVAShares", shares.address, pkg.pvaSharesAbi, "MINTER_ROLE"],
    ["PVAShares", shares.address, pkg.pvaSharesAbi, "COMPLIANCE_ROLE"],
  ];
  for (const [name, address, abi, role] of grants) {
    const hash = await wallet.writeContract({ address, abi, functionName: "grantRole", args: [pkg.roles[role], serverAddress] });
    await waitOk(hash, `granting ${role} on ${name}`);
  }
  log(`granted MINTER/ATTESTER (PVATwin) and ISSUER/MINTER/COMPLIANCE (PVAShares) to ${serverAddress}`);

  const deployment = {
    chainId,
    deployedAt: new Date().toISOString(),
    contracts: { PVATwin: twin, PVAShares: shares, PVAMarket: market },
  };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${chainId}.json`);
  // Write then rename, so a reader never sees a half-written file.
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(deployment, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  log(`wrote ${file}`);
  return deployment;
}

if (require.main === module) {
  deploy().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { deploy, HARDHAT_KEY_0, HARDHAT_KEY_1 };
