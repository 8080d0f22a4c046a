import { parseSignature, type Address } from "viem";
import type { ClaimVoucher } from "../lib/voucher";
import { accounts, expectRevert, isolateChainState, latestTimestamp, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";
import { digestFor, malleate, signVoucher } from "./helpers/vouchers";

const { minter, alice, relayer } = accounts;
const HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

describe("PVATwin.claim accepts only the low-s form of a signature", () => {
  let twin: Address;
  let voucher: ClaimVoucher;

  beforeAll(async () => {
    twin = await twinFixture();
  });
  isolateChainState();

  beforeEach(async () => {
    voucher = { to: alice.address, tokenId: 42n, metadataDigest: digestFor("piece-42"), deadline: (await latestTimestamp()) + 600n };
  });

  const claim = (signature: `0x${string}`) =>
    walletFor(relayer).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "claim", args: [voucher, signature] });

  it("rejects the high-s twin of a valid signature with ClaimSignatureMalleable(s)", async () => {
    const signature = await signVoucher(minter, twin, voucher);
    const highS = malleate(signature);
    const { s } = parseSignature(highS);
    expect(BigInt(s)).toBeGreaterThan(HALF_N);

    await expectRevert(claim(highS), "ClaimSignatureMalleable", [s]);
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "balanceOf", args: [alice.address] })).toBe(0n);
  });

  it("still accepts the canonical low-s signature the minter produced", async () => {
    const signature = await signVoucher(minter, twin, voucher);
    expect(BigInt(parseSignature(signature).s)).toBeLessThanOrEqual(HALF_N);
    await mined(claim(signature));
    expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [voucher.tokenId] })).toBe(alice.address);
  });
});
