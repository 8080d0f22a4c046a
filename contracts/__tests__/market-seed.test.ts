import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadDeployment } from "../lib/deployments";
import { listingKinds, listingStatuses } from "../lib/market";
import { CHAIN_ID, isolateChainState, publicClient, RPC_URL } from "./helpers/chain";
import { pvaMarketAbi } from "./helpers/market";

const { deploy } = require("../scripts/deploy");
const { seedMarket } = require("../scripts/seed-market");

describe("scripts/seed-market.js lists a fixed-price twin, a live English auction and a Dutch auction on the local chain", () => {
  let outDir: string;
  isolateChainState();
  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), "pva-market-seed-"));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it("leaves three active listings of fresh twins, the auction with a bid and its clock running; again on a second run", async () => {
    await deploy({ rpcUrl: RPC_URL, outDir, log: () => undefined });
    const market = loadDeployment(CHAIN_ID, outDir).contracts.PVAMarket.address;
    const listing = async (id: bigint) => {
      const raw = (await publicClient.readContract({ address: market, abi: pvaMarketAbi, functionName: "getListing", args: [id] })) as {
        kind: number;
        status: number;
        endTime: bigint;
        highBid: bigint;
      };
      return { kind: listingKinds[raw.kind], status: listingStatuses[raw.status], running: raw.endTime > 0n, bid: raw.highBid > 0n };
    };

    const first = await seedMarket({ rpcUrl: RPC_URL, deploymentsDir: outDir, log: () => undefined });
    expect(await listing(first.fixedPrice)).toEqual({ kind: "FixedPrice", status: "Active", running: false, bid: false });
    expect(await listing(first.english)).toEqual({ kind: "English", status: "Active", running: true, bid: true });
    expect(await listing(first.dutch)).toMatchObject({ kind: "Dutch", status: "Active" });
    expect(first.twins).toEqual([1_000_000_000n, 1_000_000_001n, 1_000_000_002n]);

    const second = await seedMarket({ rpcUrl: RPC_URL, deploymentsDir: outDir, log: () => undefined });
    expect(second.twins).toEqual([1_000_000_003n, 1_000_000_004n, 1_000_000_005n]);
    expect(await listing(second.english)).toMatchObject({ status: "Active", bid: true });
  });
});
