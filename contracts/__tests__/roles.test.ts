import type { Address, Hex, LocalAccount } from "viem";
import { roles } from "../lib/roles";
import { accounts, isolateChainState, mined, publicClient, revertOf } from "./helpers/chain";
import { pvaSharesAbi, pvaTwinAbi, sharesFixture, sharesWrite, twinFixture, twinWrite } from "./helpers/contracts";
import { digestFor } from "./helpers/vouchers";

const { admin, minter, attester, issuer, compliance, alice, mallory } = accounts;

interface Case {
  contract: "PVATwin" | "PVAShares";
  functionName: string;
  args: readonly unknown[];
  role: keyof typeof roles;
  /** Holds the role: the positive control proving the arguments are otherwise fine. */
  holder: LocalAccount;
  /** Accounts that must be refused: one with no role, one holding a different role. */
  outsiders: LocalAccount[];
  /** State the positive control needs (e.g. a paused contract for unpause). */
  prepare?: (addresses: { twin: Address; shares: Address }) => Promise<unknown>;
}

const cases: Case[] = [
  { contract: "PVATwin", functionName: "mintTo", args: [alice.address, 100n, digestFor("r")], role: "MINTER_ROLE", holder: minter, outsiders: [mallory, attester, admin] },
  { contract: "PVATwin", functionName: "attest", args: [1n, digestFor("kind"), digestFor("data")], role: "ATTESTER_ROLE", holder: attester, outsiders: [mallory, minter, admin] },
  { contract: "PVATwin", functionName: "setDefaultRoyalty", args: [alice.address, 500n], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, minter] },
  { contract: "PVATwin", functionName: "deleteDefaultRoyalty", args: [], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, minter] },
  { contract: "PVATwin", functionName: "setTokenRoyalty", args: [1n, alice.address, 500n], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, minter] },
  { contract: "PVATwin", functionName: "resetTokenRoyalty", args: [1n], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, attester] },
  { contract: "PVATwin", functionName: "pause", args: [], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, minter] },
  {
    contract: "PVATwin", functionName: "unpause", args: [], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, minter],
    prepare: ({ twin }) => mined(twinWrite(twin, admin)("pause", [])),
  },
  { contract: "PVATwin", functionName: "grantRole", args: [roles.MINTER_ROLE, mallory.address], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, minter] },
  { contract: "PVAShares", functionName: "createOffering", args: [50n, 1n, 100n, 0n], role: "ISSUER_ROLE", holder: issuer, outsiders: [mallory, minter, compliance, admin] },
  { contract: "PVAShares", functionName: "mintShares", args: [alice.address, 1n, 5n], role: "MINTER_ROLE", holder: minter, outsiders: [mallory, issuer, compliance, admin] },
  { contract: "PVAShares", functionName: "setEligible", args: [mallory.address, true], role: "COMPLIANCE_ROLE", holder: compliance, outsiders: [mallory, issuer, minter, admin] },
  { contract: "PVAShares", functionName: "pause", args: [], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, compliance] },
  {
    contract: "PVAShares", functionName: "unpause", args: [], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, compliance],
    prepare: ({ shares }) => mined(sharesWrite(shares, admin)("pause", [])),
  },
  { contract: "PVAShares", functionName: "setURI", args: ["ipfs://other/{id}"], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, issuer] },
  { contract: "PVAShares", functionName: "grantRole", args: [roles.MINTER_ROLE, mallory.address], role: "DEFAULT_ADMIN_ROLE", holder: admin, outsiders: [mallory, issuer] },
];

describe("only holders of the right role can mint, attest, create offerings, set eligibility or administer", () => {
  let twin: Address;
  let shares: Address;

  beforeAll(async () => {
    twin = await twinFixture();
    shares = await sharesFixture();
    // What the positive controls need: a twin to attest, an offering to mint, an eligible holder.
    await mined(twinWrite(twin, minter)("mintTo", [alice.address, 1n, digestFor("piece-1")]));
    await mined(sharesWrite(shares, issuer)("createOffering", [1n, 1n, 100n, 0n]));
    await mined(sharesWrite(shares, compliance)("setEligible", [alice.address, true]));
  });
  isolateChainState();

  const write = (c: Case, from: LocalAccount) =>
    c.contract === "PVATwin" ? twinWrite(twin, from)(c.functionName, c.args) : sharesWrite(shares, from)(c.functionName, c.args);

  it.each(cases.map((c) => [`${c.contract}.${c.functionName}`, c.role, c] as const))(
    "%s requires %s",
    async (_name, role, c) => {
      await c.prepare?.({ twin, shares });
      for (const outsider of c.outsiders) {
        const revert = await revertOf(write(c, outsider));
        expect(revert.errorName).toBe("AccessControlUnauthorizedAccount");
        expect(revert.args).toEqual([outsider.address, roles[role]]);
      }
      await mined(write(c, c.holder));
    },
  );

  it("exports the same role ids as the contracts define", async () => {
    const read = (address: Address, abi: typeof pvaTwinAbi | typeof pvaSharesAbi, functionName: string) =>
      publicClient.readContract({ address, abi, functionName } as never) as Promise<Hex>;
    expect(await read(twin, pvaTwinAbi, "DEFAULT_ADMIN_ROLE")).toBe(roles.DEFAULT_ADMIN_ROLE);
    expect(await read(twin, pvaTwinAbi, "MINTER_ROLE")).toBe(roles.MINTER_ROLE);
    expect(await read(twin, pvaTwinAbi, "ATTESTER_ROLE")).toBe(roles.ATTESTER_ROLE);
    expect(await read(shares, pvaSharesAbi, "MINTER_ROLE")).toBe(roles.MINTER_ROLE);
    expect(await read(shares, pvaSharesAbi, "ISSUER_ROLE")).toBe(roles.ISSUER_ROLE);
    expect(await read(shares, pvaSharesAbi, "COMPLIANCE_ROLE")).toBe(roles.COMPLIANCE_ROLE);
  });
});
