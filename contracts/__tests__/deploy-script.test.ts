import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createPublicClient, getAddress, http } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { loadDeployment } from "../lib/deployments";
import { roles } from "../lib/roles";
import { WELL_KNOWN_DEV_KEYS } from "../lib/well-known-keys";
import { accounts, CHAIN_ID, isolateChainState, mined, publicClient, RPC_URL, walletFor } from "./helpers/chain";
import { pvaSharesAbi, pvaTwinAbi } from "./helpers/contracts";
import { pvaMarketAbi } from "./helpers/market";
import { digestFor } from "./helpers/vouchers";

const run = promisify(execFile);
const DEPLOY_SCRIPT = path.join(__dirname, "..", "scripts", "deploy.js");

describe("scripts/deploy.js deploys the three contracts, grants the server its roles and writes deployments/<chainId>.json", () => {
  let outDir: string;
  isolateChainState();

  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), "pva-deployments-"));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  async function deployWith(env: Record<string, string>) {
    const { stdout } = await run(process.execPath, [DEPLOY_SCRIPT], {
      env: { ...process.env, CHAIN_RPC_URL: RPC_URL, CHAIN_DEPLOYMENTS_DIR: outDir, ...env },
    });
    return { stdout, deployment: loadDeployment(CHAIN_ID, outDir) };
  }

  it("with the defaults: hardhat account #0 is admin, account #1 is the server", async () => {
    const before = await publicClient.getBlockNumber();
    const { deployment } = await deployWith({});
    const { PVATwin, PVAShares, PVAMarket } = deployment.contracts;

    expect(deployment.chainId).toBe(CHAIN_ID);
    expect(Number.isNaN(Date.parse(deployment.deployedAt))).toBe(false);
    for (const contract of [PVATwin, PVAShares, PVAMarket]) {
      expect(contract.address).toBe(getAddress(contract.address));
      expect(contract.blockNumber).toBeGreaterThan(Number(before));
      expect(await publicClient.getCode({ address: contract.address, blockNumber: BigInt(contract.blockNumber) })).toMatch(/^0x.+/);
      expect(await publicClient.getCode({ address: contract.address, blockNumber: BigInt(contract.blockNumber - 1) })).toBeUndefined();
    }

    const server = accounts.minter.address; // hardhat account #1
    const hasRole = (address: `0x${string}`, abi: typeof pvaTwinAbi | typeof pvaSharesAbi, role: keyof typeof roles, who: `0x${string}`) =>
      publicClient.readContract({ address, abi, functionName: "hasRole", args: [roles[role], who] } as never) as Promise<boolean>;
    expect(await hasRole(PVATwin.address, pvaTwinAbi, "MINTER_ROLE", server)).toBe(true);
    expect(await hasRole(PVATwin.address, pvaTwinAbi, "ATTESTER_ROLE", server)).toBe(true);
    expect(await hasRole(PVAShares.address, pvaSharesAbi, "ISSUER_ROLE", server)).toBe(true);
    expect(await hasRole(PVAShares.address, pvaSharesAbi, "MINTER_ROLE", server)).toBe(true);
    expect(await hasRole(PVAShares.address, pvaSharesAbi, "COMPLIANCE_ROLE", server)).toBe(true);
    expect(await hasRole(PVATwin.address, pvaTwinAbi, "DEFAULT_ADMIN_ROLE", accounts.admin.address)).toBe(true);
    expect(await hasRole(PVATwin.address, pvaTwinAbi, "DEFAULT_ADMIN_ROLE", server)).toBe(false);

    // The market trades exactly these two contracts; the deployer administers it; 2.5% fee to the deployer.
    const market = (functionName: string, args: readonly unknown[] = []) =>
      publicClient.readContract({ address: PVAMarket.address, abi: pvaMarketAbi, functionName, args } as never) as Promise<unknown>;
    expect(await market("twin")).toBe(PVATwin.address);
    expect(await market("shares")).toBe(PVAShares.address);
    expect(await market("hasRole", [roles.DEFAULT_ADMIN_ROLE, accounts.admin.address])).toBe(true);
    expect(await market("hasRole", [roles.DEFAULT_ADMIN_ROLE, server])).toBe(false);
    expect(await market("feeRecipient")).toBe(accounts.admin.address);
    expect(await market("feeBps")).toBe(250);

    // The server key can use its roles right away.
    await mined(
      walletFor(accounts.minter).writeContract({ address: PVATwin.address, abi: pvaTwinAbi, functionName: "mintTo", args: [accounts.alice.address, 1n, digestFor("d")] }),
    );
  });

  it("grants the roles to CHAIN_SERVER_ADDRESS when given", async () => {
    const { deployment } = await deployWith({ CHAIN_SERVER_ADDRESS: accounts.carol.address });
    expect(
      await publicClient.readContract({ address: deployment.contracts.PVATwin.address, abi: pvaTwinAbi, functionName: "hasRole", args: [roles.MINTER_ROLE, accounts.carol.address] }),
    ).toBe(true);
    expect(
      await publicClient.readContract({ address: deployment.contracts.PVATwin.address, abi: pvaTwinAbi, functionName: "hasRole", args: [roles.MINTER_ROLE, accounts.minter.address] }),
    ).toBe(false);
  });

  it("sets the market's fee from CHAIN_MARKET_FEE_RECIPIENT and CHAIN_MARKET_FEE_BPS", async () => {
    const { deployment } = await deployWith({ CHAIN_MARKET_FEE_RECIPIENT: accounts.carol.address, CHAIN_MARKET_FEE_BPS: "100" });
    const read = (functionName: string) =>
      publicClient.readContract({ address: deployment.contracts.PVAMarket.address, abi: pvaMarketAbi, functionName } as never) as Promise<unknown>;
    expect(await read("feeRecipient")).toBe(accounts.carol.address);
    expect(await read("feeBps")).toBe(100);
  });

  it.each(["1001", "2.5", "-1", "lots"])("refuses CHAIN_MARKET_FEE_BPS=%s before sending anything", async (value) => {
    const before = await publicClient.getBlockNumber();
    const failure = await deployWith({ CHAIN_MARKET_FEE_BPS: value }).then(() => undefined, (error: { stderr: string }) => error);
    expect(failure?.stderr).toMatch(/CHAIN_MARKET_FEE_BPS must be a whole number of basis points from 0 to 1000/);
    expect(await publicClient.getBlockNumber()).toBe(before);
  });

  it("writes the documented JSON shape", async () => {
    await deployWith({});
    const raw = JSON.parse(readFileSync(path.join(outDir, `${CHAIN_ID}.json`), "utf8"));
    expect(Object.keys(raw).sort()).toEqual(["chainId", "contracts", "deployedAt"]);
    expect(Object.keys(raw.contracts).sort()).toEqual(["PVAMarket", "PVAShares", "PVATwin"]);
    expect(Object.keys(raw.contracts.PVATwin).sort()).toEqual(["address", "blockNumber"]);
  });
});

describe("scripts/deploy.js on any chain but the local one (31337)", () => {
  const OTHER_CHAIN_ID = 1337;
  let node: { url: string; stop: () => Promise<void> };
  let outDir: string;
  const { startHardhatNode, rpc } = require("../scripts/lib/hardhat-node");

  beforeAll(async () => {
    node = await startHardhatNode({ chainId: OTHER_CHAIN_ID, logFile: path.join(tmpdir(), `pva-other-chain-${process.pid}.log`) });
  });
  afterAll(() => node?.stop());
  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), "pva-deployments-"));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  async function deployTo(env: Record<string, string>) {
    const base: NodeJS.ProcessEnv = { ...process.env, CHAIN_RPC_URL: node.url, CHAIN_DEPLOYMENTS_DIR: outDir };
    for (const key of ["CHAIN_DEPLOYER_KEY", "CHAIN_SERVER_KEY", "CHAIN_SERVER_ADDRESS", "CHAIN_MARKET_FEE_RECIPIENT", "CHAIN_MARKET_FEE_BPS"]) delete base[key];
    return run(process.execPath, [DEPLOY_SCRIPT], { env: { ...base, ...env } });
  }
  const blockNumber = () => createPublicClient({ transport: http(node.url) }).getBlockNumber();

  it.each([
    ["with the defaults", {}, /CHAIN_DEPLOYER_KEY is unset or a well-known development key/],
    ["with a well-known deployer key", { CHAIN_DEPLOYER_KEY: WELL_KNOWN_DEV_KEYS[3] }, /CHAIN_DEPLOYER_KEY/],
    ["granting roles to a well-known account", { CHAIN_DEPLOYER_KEY: generatePrivateKey(), CHAIN_SERVER_ADDRESS: accounts.alice.address }, /server address/],
    ["granting roles to a well-known key's account", { CHAIN_DEPLOYER_KEY: generatePrivateKey(), CHAIN_SERVER_KEY: WELL_KNOWN_DEV_KEYS[1] }, /server address/],
    [
      "paying the market fee to a well-known account",
      { CHAIN_DEPLOYER_KEY: generatePrivateKey(), CHAIN_SERVER_ADDRESS: privateKeyToAccount(generatePrivateKey()).address, CHAIN_MARKET_FEE_RECIPIENT: accounts.bob.address },
      /CHAIN_MARKET_FEE_RECIPIENT is a well-known development account/,
    ],
  ])("refuses to deploy %s, before sending anything", async (_what, env, message) => {
    const before = await blockNumber();
    const failure = await deployTo(env as Record<string, string>).then(() => undefined, (error: { stderr: string }) => error);
    expect(failure?.stderr).toMatch(/refusing to deploy to chain 1337/);
    expect(failure?.stderr).toMatch(message);
    expect(await blockNumber()).toBe(before);
    expect(() => loadDeployment(OTHER_CHAIN_ID, outDir)).toThrow();
  });

  it("deploys with keys of the operator's own", async () => {
    const deployerKey = generatePrivateKey();
    const server = privateKeyToAccount(generatePrivateKey());
    await rpc(node.url, "hardhat_setBalance", [privateKeyToAccount(deployerKey).address, "0x56BC75E2D63100000"]); // 100 ETH
    await deployTo({ CHAIN_DEPLOYER_KEY: deployerKey, CHAIN_SERVER_ADDRESS: server.address });
    const deployment = loadDeployment(OTHER_CHAIN_ID, outDir);
    expect(deployment.chainId).toBe(OTHER_CHAIN_ID);
    const client = createPublicClient({ transport: http(node.url) });
    expect(
      await client.readContract({ address: deployment.contracts.PVATwin.address, abi: pvaTwinAbi, functionName: "hasRole", args: [roles.MINTER_ROLE, server.address] }),
    ).toBe(true);
  });
});

