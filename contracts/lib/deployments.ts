// Deployment files are written by scripts/deploy.js to contracts/deployments/<chainId>.json.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Address } from "./types";

export interface DeployedContract {
  address: Address;
  /** Block that included the deployment transaction: where event scans should start. */
  blockNumber: number;
}

export interface Deployment {
  chainId: number;
  /** ISO-8601 time the deploy script finished. */
  deployedAt: string;
  contracts: {
    PVATwin: DeployedContract;
    PVAShares: DeployedContract;
    PVAMarket: DeployedContract;
  };
}

/** Absolute path of this package's `deployments/` folder, from source (lib/) or build (dist/lib/). */
export function deploymentsDir(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "@pva/contracts") {
      return path.join(dir, "deployments");
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot locate the @pva/contracts package root");
    dir = parent;
  }
}

/** Path of the deployment file for `chainId`. */
export function deploymentPath(chainId: number | bigint, dir: string = deploymentsDir()): string {
  return path.join(dir, `${Number(chainId)}.json`);
}

/**
 * Reads `deployments/<chainId>.json`. Throws with a hint when the chain has no deployment
 * (for 31337, `npm run chain -w contracts` or `npm run dev` creates it).
 */
export function loadDeployment(chainId: number | bigint, dir?: string): Deployment {
  const file = deploymentPath(chainId, dir);
  if (!existsSync(file)) {
    throw new Error(`no PVA contracts deployment for chain ${chainId} (${file}); run the deploy script first`);
  }
  const deployment = JSON.parse(readFileSync(file, "utf8")) as Deployment;
  if (deployment.chainId !== Number(chainId)) {
    throw new Error(`${file} is for chain ${deployment.chainId}, not ${chainId}`);
  }
  return deployment;
}
