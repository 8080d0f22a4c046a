import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { getAddress } from "viem";
import { loadDeployment } from "../lib/deployments";
import { roles } from "../lib/roles";
import { accounts, CHAIN_ID, isolateChainState, mined, publicClient, RPC_URL, walletFor } from "./helpers/chain";
import { pvaSharesAbi, pvaTwinAbi } from "./helpers/contracts";
import { digestFor } from "./helpers/vouchers";

const run = promisify(execFile);
const DEPLOY_SCRIPT = path.join(__dirname, "..", "scripts", "deploy.js");

describe("scripts/deploy.js deploys both contracts, grants the server its roles and writes deployments/<chainId>.json", () => {
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
    const { PVATwin, PVAShares } = deployment.contracts;

    expect(deployment.chainId).toBe(CHAIN_ID);
    expect(Number.isNaN(Date.parse(deployment.deployedAt))).toBe(false);
    for (const contract of [PVATwin, PVAShares]) {
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

  it("writes the documented JSON shape", async () => {
    await deployWith({});
    const raw = JSON.parse(readFileSync(path.join(outDir, `${CHAIN_ID}.json`), "utf8"));
    expect(Object.keys(raw).sort()).toEqual(["chainId", "contracts", "deployedAt"]);
    expect(Object.keys(raw.contracts).sort()).toEqual(["PVAShares", "PVATwin"]);
    expect(Object.keys(raw.contracts.PVATwin).sort()).toEqual(["address", "blockNumber"]);
  });
});
