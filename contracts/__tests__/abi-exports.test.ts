import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pvaMarketAbi, pvaMarketBytecode } from "../abi/PVAMarket";
import { pvaSharesAbi, pvaSharesBytecode } from "../abi/PVAShares";
import { pvaTwinAbi, pvaTwinBytecode } from "../abi/PVATwin";
import { deploymentPath, deploymentsDir, loadDeployment } from "../lib/deployments";
import { readArtifact } from "./helpers/contracts";

const REGENERATE = "run `npm run build -w contracts` and commit abi/";

describe("the committed typed ABIs (abi/*.ts) match the compiled contracts", () => {
  it.each([
    ["PVATwin", pvaTwinAbi, pvaTwinBytecode],
    ["PVAShares", pvaSharesAbi, pvaSharesBytecode],
    ["PVAMarket", pvaMarketAbi, pvaMarketBytecode],
  ] as const)(`%s: ABI and bytecode are in sync (else ${REGENERATE})`, (name, abi, bytecode) => {
    const artifact = readArtifact(name);
    // Hashes keep a failure readable (bytecode is ~20 kB of hex).
    const fingerprint = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
    expect({ abi: fingerprint(abi), bytecode: fingerprint(bytecode) }).toEqual({
      abi: fingerprint(artifact.abi),
      bytecode: fingerprint(artifact.bytecode),
    });
  });
});

describe("the package entry (dist/) exposes what server and storefront import", () => {
  // `npm test` builds dist/ first; this is the file `require("@pva/contracts")` resolves to.
  const entry = require(path.join(__dirname, "..", "dist", "index.js"));

  it("exports ABIs, bytecode, voucher types, CID helpers, roles and deployment helpers", () => {
    expect(entry.pvaTwinAbi).toEqual(pvaTwinAbi);
    expect(entry.pvaSharesAbi).toEqual(pvaSharesAbi);
    expect(entry.pvaTwinBytecode).toBe(pvaTwinBytecode);
    expect(entry.pvaSharesBytecode).toBe(pvaSharesBytecode);
    expect(entry.pvaMarketAbi).toEqual(pvaMarketAbi);
    expect(entry.pvaMarketBytecode).toBe(pvaMarketBytecode);
    expect(entry.listingStatuses).toEqual(["None", "Active", "Sold", "Cancelled", "Invalid"]);
    for (const fn of ["cidFromDigest", "cidForBytes", "tokenUriFromDigest", "digestFromCid", "sha256Digest", "twinDomain", "claimVoucherTypedData", "loadDeployment"]) {
      expect(typeof entry[fn]).toBe("function");
    }
    expect(entry.claimVoucherTypes.ClaimVoucher.map((f: { name: string }) => f.name)).toEqual(["to", "tokenId", "metadataDigest", "deadline"]);
    expect(entry.cidForBytes("hello world")).toBe("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
  });

  it("resolves deployments/ to the same folder from source and from dist", () => {
    expect(entry.deploymentsDir()).toBe(deploymentsDir());
    expect(deploymentsDir()).toBe(path.join(__dirname, "..", "deployments"));
  });
});

describe("loadDeployment", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "pva-load-deployment-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads deployments/<chainId>.json", () => {
    const deployment = {
      chainId: 31337,
      deployedAt: "2025-01-01T00:00:00.000Z",
      contracts: {
        PVATwin: { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", blockNumber: 1 },
        PVAShares: { address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", blockNumber: 2 },
        PVAMarket: { address: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", blockNumber: 3 },
      },
    };
    writeFileSync(deploymentPath(31337, dir), JSON.stringify(deployment));
    expect(loadDeployment(31337, dir)).toEqual(deployment);
    expect(loadDeployment(31337n, dir)).toEqual(deployment);
  });

  it("explains a missing deployment", () => {
    expect(() => loadDeployment(5, dir)).toThrow(/no PVA contracts deployment for chain 5/);
  });

  it("refuses a file whose chainId does not match its name", () => {
    writeFileSync(deploymentPath(1, dir), JSON.stringify({ chainId: 31337, deployedAt: "", contracts: {} }));
    expect(() => loadDeployment(1, dir)).toThrow(/is for chain 31337, not 1/);
  });
});
