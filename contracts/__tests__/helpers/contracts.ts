// Deploys the freshly compiled bytecode (artifacts/) with the typed ABIs consumers import
// (abi/). Using the artifacts' bytecode means a change to the Solidity is what gets tested
// even before abi/ is regenerated; abi-exports.test.ts catches the drift separately.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getAddress, type Abi, type Address, type Hex, type LocalAccount } from "viem";
import { pvaSharesAbi } from "../../abi/PVAShares";
import { pvaTwinAbi } from "../../abi/PVATwin";
import { roles } from "../../lib/roles";
import { accounts, mined, publicClient, walletFor } from "./chain";

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

export function readArtifact(name: string, folder = "src"): Artifact {
  const file = path.join(__dirname, "..", "..", "artifacts", folder, `${name}.sol`, `${name}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Artifact;
}

async function deploy(from: LocalAccount, artifact: Artifact, args: readonly unknown[]): Promise<Address> {
  const hash = await walletFor(from).deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args });
  const receipt = await mined(hash);
  if (!receipt.contractAddress) throw new Error("no contract address in deployment receipt");
  return getAddress(receipt.contractAddress);
}

export async function deployTwin(admin: LocalAccount = accounts.admin): Promise<Address> {
  return deploy(admin, readArtifact("PVATwin"), [admin.address]);
}

export async function deployShares(admin: LocalAccount = accounts.admin): Promise<Address> {
  return deploy(admin, readArtifact("PVAShares"), [admin.address, "ipfs://shares/{id}.json"]);
}

/** TEST-ONLY receiver contract (src/test/ReentrantReceiver.sol). */
export async function deployReentrantReceiver(): Promise<Address> {
  return deploy(accounts.admin, readArtifact("ReentrantReceiver", "src/test"), []);
}
export const reentrantReceiverAbi = readArtifact("ReentrantReceiver", "src/test").abi;

/** Calls `functionName` on PVATwin at `address` as `from`, waits, and returns the receipt. */
export function twinWrite(address: Address, from: LocalAccount) {
  const wallet = walletFor(from);
  return (functionName: string, args: readonly unknown[]) =>
    // The ABI is typed; a loose call signature keeps table-driven tests short.
    wallet.writeContract({ address, abi: pvaTwinAbi, functionName, args } as never);
}

export function sharesWrite(address: Address, from: LocalAccount) {
  const wallet = walletFor(from);
  return (functionName: string, args: readonly unknown[]) =>
    wallet.writeContract({ address, abi: pvaSharesAbi, functionName, args } as never);
}

/** A PVATwin with MINTER_ROLE and ATTESTER_ROLE granted to the named test accounts. */
export async function twinFixture() {
  const twin = await deployTwin();
  const admin = walletFor(accounts.admin);
  await mined(admin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "grantRole", args: [roles.MINTER_ROLE, accounts.minter.address] }));
  await mined(admin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "grantRole", args: [roles.ATTESTER_ROLE, accounts.attester.address] }));
  return twin;
}

/** A PVAShares with ISSUER / MINTER / COMPLIANCE roles granted to the named test accounts. */
export async function sharesFixture() {
  const shares = await deployShares();
  const admin = walletFor(accounts.admin);
  const grants: [Hex, Address][] = [
    [roles.ISSUER_ROLE, accounts.issuer.address],
    [roles.MINTER_ROLE, accounts.minter.address],
    [roles.COMPLIANCE_ROLE, accounts.compliance.address],
  ];
  for (const [role, who] of grants) {
    await mined(admin.writeContract({ address: shares, abi: pvaSharesAbi, functionName: "grantRole", args: [role, who] }));
  }
  return shares;
}

export { publicClient, pvaSharesAbi, pvaTwinAbi };
