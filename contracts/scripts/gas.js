#!/usr/bin/env node
// Gas report (not a test): deploys PVATwin, PVAShares, PVAMarket and the test-only
// ReferenceURIStorageTwin to a fresh `hardhat node`, performs each operation, and reads
// gasUsed from the receipts. Prints a table and rewrites the "Contracts gas"
// section of docs/performance.md (pass --no-write to only print).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const {
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  hexToBytes,
  http,
  keccak256,
  toHex,
} = require("viem");
const { mnemonicToAccount, generatePrivateKey, privateKeyToAccount } = require("viem/accounts");
const { readArtifact } = require("./lib/artifacts");
const { startHardhatNode } = require("./lib/hardhat-node");
const { measureMarket, MARKET_NOTE } = require("./lib/market-gas");
const { HARDFORK, SOLC_SETTINGS } = require("./lib/settings");

const DOC = path.join(__dirname, "..", "..", "docs", "performance.md");
const SECTION = "## Contracts gas";
const MNEMONIC = "test test test test test test test test test test test junk";
const SAMPLES = 5;

// Why the 100k goal is out of reach for a first-time holder; printed when it is not met.
const FLOOR_NOTE = [
  "Why a relayer-paid first claim stays above 100,000: the recipient's first twin needs three",
  "fresh storage slots (owner, balance, metadata digest: 3 × 22,100 = 66,300), plus 21,000 base,",
  "~2,700 calldata, 3,000 for ecrecover, 2 × 2,100 cold reads (the signer's MINTER_ROLE, the",
  "pause flag), 2,600 for the cold EXTCODESIZE of `to` in the ERC-721 receiver check (100 when",
  "`to` itself submits) and 3,375 for the `Transfer` and `Claimed` logs: about 103,200 before any",
  "Solidity bookkeeping (~4,300 here, ~950 less with `viaIR`, not used because it makes solc-js",
  "compiles ~7× slower). The goal is met once the recipient already owns a twin (the balance",
  "write costs 5,000 instead of 22,100). Going under it for first claims would mean dropping",
  "something the contract must keep (receiver check −2,600, Pausable −2,100, `Claimed` −1,500) or",
  "leaving OpenZeppelin's ERC721; neither was done.",
  "",
];

const account = (i) => mnemonicToAccount(MNEMONIC, { addressIndex: i });
const freshAddress = () => privateKeyToAccount(generatePrivateKey()).address;
const digest = (label) => keccak256(toHex(label)); // any 32 bytes will do for gas purposes

/** Intrinsic calldata cost (EIP-2028): 4 gas per zero byte, 16 per non-zero byte. */
function calldataGas(input) {
  return hexToBytes(input).reduce((sum, byte) => sum + (byte === 0 ? 4 : 16), 0);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const write = !process.argv.includes("--no-write");
  const node = await startHardhatNode({ logFile: path.join(os.tmpdir(), "pva-gas-hardhat-node.log") });
  try {
    const transport = http(node.url, { retryCount: 0 });
    const chain = defineChain({
      id: 31337,
      name: "hardhat",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [node.url] } },
    });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 });
    const wallet = (who) => createWalletClient({ account: who, chain, transport });
    const hardfork = HARDFORK;

    const admin = account(0);
    const minter = account(1);
    const relayer = account(2);
    const selfClaimers = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(account);

    async function send(who, request) {
      const hash = await wallet(who).writeContract(request);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error(`${request.functionName} reverted`);
      const tx = await publicClient.getTransaction({ hash });
      return { gasUsed: Number(receipt.gasUsed), calldata: calldataGas(tx.input) };
    }
    async function deploy(name, args) {
      const artifact = readArtifact(name);
      const hash = await wallet(admin).deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      return { address: getAddress(receipt.contractAddress), abi: artifact.abi, deployGas: Number(receipt.gasUsed) };
    }

    const twin = await deploy("PVATwin", [admin.address]);
    const ref = await deploy("ReferenceURIStorageTwin", [admin.address]);
    const shares = await deploy("PVAShares", [admin.address, "ipfs://pva-shares/{id}.json"]);
    const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
    for (const [c, role] of [
      [twin, MINTER_ROLE],
      [ref, MINTER_ROLE],
      [shares, MINTER_ROLE],
      [shares, keccak256(toHex("ISSUER_ROLE"))],
      [shares, keccak256(toHex("COMPLIANCE_ROLE"))],
    ]) {
      await send(admin, { address: c.address, abi: c.abi, functionName: "grantRole", args: [role, minter.address] });
    }

    const { timestamp } = await publicClient.getBlock();
    const deadline = timestamp + 86_400n;
    let serial = 100_000n;
    const { tokenUriFromDigest, claimVoucherTypedData } = require("./lib/package-entry").loadPackage();

    async function pvaClaim(to, submitter) {
      const tokenId = serial++;
      const voucher = { to, tokenId, metadataDigest: digest(`meta-${tokenId}`), deadline };
      const signature = await minter.signTypedData(claimVoucherTypedData(31337, twin.address, voucher));
      return send(submitter, { address: twin.address, abi: twin.abi, functionName: "claim", args: [voucher, signature] });
    }
    async function refClaim(to, submitter) {
      const tokenId = serial++;
      // The same 66-character ipfs:// URI PVATwin derives from its 32-byte digest.
      const voucher = { to, tokenId, uri: tokenUriFromDigest(digest(`meta-${tokenId}`)), deadline };
      const signature = await minter.signTypedData({
        domain: { name: "ReferenceURIStorageTwin", version: "1", chainId: 31337, verifyingContract: ref.address },
        types: {
          UriVoucher: [
            { name: "to", type: "address" },
            { name: "tokenId", type: "uint256" },
            { name: "uri", type: "string" },
            { name: "deadline", type: "uint256" },
          ],
        },
        primaryType: "UriVoucher",
        message: voucher,
      });
      return send(submitter, { address: ref.address, abi: ref.abi, functionName: "claim", args: [voucher, signature] });
    }

    async function sample(fn) {
      const runs = [];
      for (let i = 0; i < SAMPLES; i++) runs.push(await fn(i));
      return { gasUsed: median(runs.map((r) => r.gasUsed)), calldata: median(runs.map((r) => r.calldata)) };
    }

    const rows = [];
    const row = (operation, result, note = "") => rows.push({ operation, ...result, note });

    // Twins: relayer-paid claim to a first-time holder is the product's main path.
    const claimRelayed = await sample(() => pvaClaim(freshAddress(), relayer));
    const refRelayed = await sample(() => refClaim(freshAddress(), relayer));
    const claimSelf = await sample((i) => pvaClaim(selfClaimers[i].address, selfClaimers[i]));
    const refSelf = await sample((i) => refClaim(selfClaimers[5 + i].address, selfClaimers[5 + i]));
    const holder = freshAddress();
    await pvaClaim(holder, relayer);
    const claimHolder = await sample(() => pvaClaim(holder, relayer));
    const refHolder = freshAddress();
    await refClaim(refHolder, relayer);
    const refClaimHolder = await sample(() => refClaim(refHolder, relayer));
    const mintTo = await sample(() =>
      send(minter, { address: twin.address, abi: twin.abi, functionName: "mintTo", args: [freshAddress(), serial++, digest(`m-${serial}`)] }),
    );

    row("PVATwin.claim (relayer pays, recipient's first twin)", claimRelayed, "headline");
    row("Reference claim (relayer pays, recipient's first token)", refRelayed, "ERC721URIStorage + EIP-712, full ipfs:// string");
    row("PVATwin.claim (recipient submits, first twin)", claimSelf);
    row("Reference claim (recipient submits, first token)", refSelf);
    row("PVATwin.claim (relayer pays, recipient already holds a twin)", claimHolder);
    row("Reference claim (relayer pays, recipient already holds one)", refClaimHolder);
    row("PVATwin.mintTo (custodial, first twin of recipient)", mintTo);

    // Shares.
    const holders = Array.from({ length: 3 * SAMPLES + 2 }, freshAddress);
    for (const h of holders) {
      await send(minter, { address: shares.address, abi: shares.abi, functionName: "setEligible", args: [h, true] });
    }
    const seller = selfClaimers[0];
    await send(minter, { address: shares.address, abi: shares.abi, functionName: "setEligible", args: [seller.address, true] });
    let offeringId = 1n;
    const firstMint = await sample(async (i) => {
      const id = offeringId++;
      await send(minter, { address: shares.address, abi: shares.abi, functionName: "createOffering", args: [id, id, 10_000n, 0n] });
      return send(minter, { address: shares.address, abi: shares.abi, functionName: "mintShares", args: [holders[i], id, 100n] });
    });
    const mainOffering = offeringId++;
    await send(minter, { address: shares.address, abi: shares.abi, functionName: "createOffering", args: [mainOffering, 1n, 10_000n, 0n] });
    await send(minter, { address: shares.address, abi: shares.abi, functionName: "mintShares", args: [seller.address, mainOffering, 1_000n] });
    const nextMint = await sample((i) =>
      send(minter, { address: shares.address, abi: shares.abi, functionName: "mintShares", args: [holders[SAMPLES + i], mainOffering, 100n] }),
    );
    const transferNew = await sample((i) =>
      send(seller, {
        address: shares.address,
        abi: shares.abi,
        functionName: "safeTransferFrom",
        args: [seller.address, holders[2 * SAMPLES + i], mainOffering, 10n, "0x"],
      }),
    );
    const transferExisting = await sample(() =>
      send(seller, {
        address: shares.address,
        abi: shares.abi,
        functionName: "safeTransferFrom",
        args: [seller.address, holders[SAMPLES], mainOffering, 10n, "0x"],
      }),
    );
    row("PVAShares.mintShares (first mint of an offering)", firstMint);
    row("PVAShares.mintShares (new holder, offering already minted)", nextMint);
    row("PVAShares share transfer (to a holder with no shares yet)", transferNew);
    row("PVAShares share transfer (to an existing holder)", transferExisting);

    const market = await measureMarket({
      send,
      deploy,
      sample,
      contracts: { twin, shares },
      who: { admin, minter, seller: account(3), buyer: account(4), bidder: account(5), feeRecipient: freshAddress() },
      url: node.url,
    });
    for (const [operation, result] of market.rows) row(operation, result);

    const saving = (a, b) => 1 - a.gasUsed / b.gasUsed;
    const goal = {
      saving: saving(claimRelayed, refRelayed),
      underCap: claimRelayed.gasUsed < 100_000,
    };

    const header = "| Operation | gasUsed | calldata | execution¹ | note |\n| --- | ---: | ---: | ---: | --- |";
    const table = rows
      .map((r) => `| ${r.operation} | ${r.gasUsed.toLocaleString("en-US")} | ${r.calldata.toLocaleString("en-US")} | ${(r.gasUsed - 21_000 - r.calldata).toLocaleString("en-US")} | ${r.note} |`)
      .join("\n");
    const pct = (x) => `${(x * 100).toFixed(1)}%`;
    const summary = [
      `- \`claim\` vs reference, relayer-paid first claim: **${pct(goal.saving)} cheaper** (goal ≥ 30%: ${goal.saving >= 0.3 ? "met" : "NOT met"}).`,
      `- Same comparison when the recipient submits: ${pct(saving(claimSelf, refSelf))} cheaper; when the recipient already holds a token: ${pct(saving(claimHolder, refClaimHolder))} cheaper.`,
      `- \`claim\`, relayer-paid first claim: **${claimRelayed.gasUsed.toLocaleString("en-US")} gas** (goal < 100,000: ${goal.underCap ? "met" : "NOT met"}).`,
      `- Deployment: PVATwin ${twin.deployGas.toLocaleString("en-US")}, PVAShares ${shares.deployGas.toLocaleString("en-US")}, PVAMarket ${market.deployGas.toLocaleString("en-US")}, reference ${ref.deployGas.toLocaleString("en-US")} gas.`,
    ].join("\n");

    console.log(`\nhardfork ${hardfork}, median of ${SAMPLES} transactions per row\n`);
    console.log(header);
    console.log(table);
    console.log(`\n${summary}\n`);

    if (write) {
      const solc = require("solc/package.json").version;
      const config = SOLC_SETTINGS;
      const section = [
        SECTION,
        "",
        `Measured by \`npm run gas -w contracts\` (scripts/gas.js) on ${new Date().toISOString().slice(0, 10)}: a fresh Hardhat ${require("hardhat/package.json").version} node (hardfork \`${hardfork}\`), solc ${solc}, optimizer ${config.optimizer.runs} runs, evmVersion \`${config.evmVersion}\`. Each row is the median gasUsed of ${SAMPLES} receipts; all rows come from the same run. The reference is \`src/test/ReferenceURIStorageTwin.sol\`: OpenZeppelin ERC721URIStorage with an EIP-712 voucher that carries the full 66-character \`ipfs://\` URI and the same checks as \`PVATwin.claim\` (pause, deadline, signer role, safe mint).`,
        "",
        header,
        table,
        "",
        "¹ execution = gasUsed − 21,000 (base) − calldata.",
        "",
        summary,
        "",
        ...(goal.underCap ? [] : FLOOR_NOTE),
        ...MARKET_NOTE,
      ].join("\n");
      writeSection(section);
      console.log(`updated ${path.relative(process.cwd(), DOC)}`);
    }
  } finally {
    await node.stop();
  }
}

/** Replaces this script's section of docs/performance.md, leaving every other section alone. */
function writeSection(section) {
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : "# Performance\n";
  const start = doc.indexOf(SECTION);
  if (start === -1) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const next = doc.indexOf("\n## ", start + SECTION.length);
    doc = doc.slice(0, start) + section + (next === -1 ? "" : `\n${doc.slice(next + 1)}`);
  }
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, `${doc.trimEnd()}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
