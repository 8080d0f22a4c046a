import fc from "fast-check";
import type { Address, LocalAccount } from "viem";
import { accounts, isolateChainState, mined, publicClient, testClient, walletFor } from "./helpers/chain";
import { pvaSharesAbi, sharesFixture } from "./helpers/contracts";

const { issuer, minter, compliance, alice, bob, carol, mallory } = accounts;
const HOLDERS: LocalAccount[] = [alice, bob, carol, mallory];
/** Offering id → cap. Small caps so random mints hit them often; id 3 never exists. */
const CAPS = new Map<bigint, bigint>([
  [1n, 10n],
  [2n, 25n],
]);
const IDS = [1n, 2n, 3n];

type Command =
  | { kind: "mint"; to: number; id: bigint; amount: bigint }
  | { kind: "transfer"; from: number; to: number; id: bigint; amount: bigint }
  | { kind: "eligibility"; who: number; eligible: boolean };

const holder = fc.integer({ min: 0, max: HOLDERS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("mint" as const), to: holder, id: fc.constantFrom(...IDS), amount: fc.bigInt({ min: 0n, max: 15n }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("transfer" as const), from: holder, to: holder, id: fc.constantFrom(...IDS), amount: fc.bigInt({ min: 0n, max: 12n }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("eligibility" as const), who: holder, eligible: fc.boolean() }) },
);

/** What the contract should do, tracked independently of it. */
class Model {
  eligible = HOLDERS.map((_, i) => i < 2); // alice and bob start approved
  balances = new Map<bigint, bigint[]>(IDS.map((id) => [id, HOLDERS.map(() => 0n)]));
  supply = (id: bigint) => this.balances.get(id)!.reduce((a, b) => a + b, 0n);

  /** Applies `c` if the rules allow it; returns whether they do. */
  apply(c: Command): boolean {
    if (c.kind === "eligibility") {
      this.eligible[c.who] = c.eligible;
      return true;
    }
    const balances = this.balances.get(c.id)!;
    if (c.kind === "mint") {
      const cap = CAPS.get(c.id);
      if (cap === undefined || this.supply(c.id) + c.amount > cap || !this.eligible[c.to]) return false;
      balances[c.to] += c.amount;
      return true;
    }
    if (!this.eligible[c.from] || !this.eligible[c.to] || balances[c.from] < c.amount) return false;
    balances[c.from] -= c.amount;
    balances[c.to] += c.amount;
    return true;
  }
}

describe("PVAShares supply invariants under random mints, transfers and eligibility changes", () => {
  let shares: Address;

  beforeAll(async () => {
    shares = await sharesFixture();
    for (const [id, cap] of CAPS) {
      await mined(walletFor(issuer).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "createOffering", args: [id, 100n + id, cap, 0n] }));
    }
    for (const who of [alice, bob]) {
      await mined(walletFor(compliance).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setEligible", args: [who.address, true] }));
    }
  });
  isolateChainState();

  async function execute(c: Command): Promise<boolean> {
    const send =
      c.kind === "mint"
        ? walletFor(minter).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "mintShares", args: [HOLDERS[c.to].address, c.id, c.amount] })
        : c.kind === "transfer"
          ? walletFor(HOLDERS[c.from]).writeContract({
              address: shares,
              abi: pvaSharesAbi,
              functionName: "safeTransferFrom",
              args: [HOLDERS[c.from].address, HOLDERS[c.to].address, c.id, c.amount, "0x"],
            })
          : walletFor(compliance).writeContract({ address: shares, abi: pvaSharesAbi, functionName: "setEligible", args: [HOLDERS[c.who].address, c.eligible] });
    // A rejected call fails at gas estimation; an accepted one must also be mined successfully.
    return send.then(
      (hash) => mined(hash).then(() => true),
      () => false,
    );
  }

  async function checkInvariants(model: Model) {
    for (const id of IDS) {
      const [totalSupply, maxShares, balances] = await Promise.all([
        publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "totalSupply", args: [id] }),
        publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "maxShares", args: [id] }),
        publicClient.readContract({
          address: shares,
          abi: pvaSharesAbi,
          functionName: "balanceOfBatch",
          args: [HOLDERS.map((h) => h.address), HOLDERS.map(() => id)],
        }),
      ]);
      expect(totalSupply).toBeLessThanOrEqual(maxShares);
      expect(balances.reduce((a, b) => a + b, 0n)).toBe(totalSupply);
      expect(balances).toEqual(model.balances.get(id));
    }
  }

  it("keeps totalSupply(id) ≤ maxShares(id) and Σ balances = totalSupply(id), matching a reference model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        const snapshot = await testClient.snapshot();
        try {
          const model = new Model();
          for (const c of commands) {
            const expected = model.apply(c);
            expect({ command: c, succeeded: await execute(c) }).toEqual({ command: c, succeeded: expected });
            await checkInvariants(model);
          }
        } finally {
          await testClient.revert({ id: snapshot });
        }
      }),
      { numRuns: 15 },
    );
  });
});
