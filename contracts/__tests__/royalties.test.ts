import type { Address } from "viem";
import { accounts, isolateChainState, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";

const { admin, carol, bob } = accounts;
const ZERO = "0x0000000000000000000000000000000000000000";

describe("PVATwin royalties (ERC-2981): admin-set default with per-token overrides", () => {
  let twin: Address;

  beforeAll(async () => {
    twin = await twinFixture();
  });
  isolateChainState();

  const royaltyInfo = (tokenId: bigint, salePrice: bigint) =>
    publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "royaltyInfo", args: [tokenId, salePrice] });
  const asAdmin = walletFor(admin);

  it("advertises ERC-721, ERC-2981 and AccessControl through ERC-165", async () => {
    for (const interfaceId of ["0x80ac58cd", "0x5b5e139f", "0x2a55205a", "0x7965db0b"] as const) {
      expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "supportsInterface", args: [interfaceId] })).toBe(true);
    }
  });

  it("pays no royalty until the admin sets one", async () => {
    expect(await royaltyInfo(1n, 10_000n)).toEqual([ZERO, 0n]);
  });

  it("applies the default royalty to every token, in basis points", async () => {
    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "setDefaultRoyalty", args: [carol.address, 500n] }));
    expect(await royaltyInfo(1n, 10_000n)).toEqual([carol.address, 500n]);
    expect(await royaltyInfo(99n, 2_000_000n)).toEqual([carol.address, 100_000n]);
  });

  it("lets a per-token override win over the default, and reset restores the default", async () => {
    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "setDefaultRoyalty", args: [carol.address, 500n] }));
    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "setTokenRoyalty", args: [7n, bob.address, 1_000n] }));
    expect(await royaltyInfo(7n, 10_000n)).toEqual([bob.address, 1_000n]);
    expect(await royaltyInfo(8n, 10_000n)).toEqual([carol.address, 500n]);

    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "resetTokenRoyalty", args: [7n] }));
    expect(await royaltyInfo(7n, 10_000n)).toEqual([carol.address, 500n]);
  });

  it("deleting the default leaves only per-token overrides", async () => {
    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "setDefaultRoyalty", args: [carol.address, 500n] }));
    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "setTokenRoyalty", args: [7n, bob.address, 250n] }));
    await mined(asAdmin.writeContract({ address: twin, abi: pvaTwinAbi, functionName: "deleteDefaultRoyalty" }));
    expect(await royaltyInfo(8n, 10_000n)).toEqual([ZERO, 0n]);
    expect(await royaltyInfo(7n, 10_000n)).toEqual([bob.address, 250n]);
  });
});
