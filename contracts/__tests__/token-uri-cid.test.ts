import fc from "fast-check";
import { bytesToHex, type Address, type Hex } from "viem";
import { cidForBytes, cidFromDigest, contentAddress, digestFromCid, parseRawCid, sha256Digest, tokenUriFromDigest } from "../lib/cid";
import { accounts, expectRevert, isolateChainState, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";

describe("CIDv1 helper (raw codec, sha2-256, base32)", () => {
  it("matches the CID `ipfs add --cid-version 1 --raw-leaves` gives for 'hello world'", () => {
    expect(cidForBytes(new TextEncoder().encode("hello world"))).toBe(
      "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
    );
    expect(cidForBytes("hello world")).toBe("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
  });

  it("builds the same CID from the digest as from the bytes", () => {
    const digest = sha256Digest("hello world");
    expect(digest).toBe("0xb94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    expect(cidFromDigest(digest)).toBe(cidForBytes("hello world"));
    expect(tokenUriFromDigest(digest)).toBe(`ipfs://${cidForBytes("hello world")}`);
  });

  it("round-trips any digest through digestFromCid", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const digest = bytesToHex(bytes);
        expect(digestFromCid(cidFromDigest(digest))).toBe(digest);
        expect(digestFromCid(tokenUriFromDigest(bytes))).toBe(digest);
      }),
    );
  });

  it("rejects CIDs of another kind", () => {
    // CIDv0 (base58 'Qm…') and a dag-pb CIDv1 of the same digest.
    expect(() => digestFromCid("QmaozNR7DZHQK1ZcU9p7QdrshMvXqWK6gpu5rmrkPdT3L4")).toThrow();
    expect(() => digestFromCid("bafybeifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")).toThrow();
    expect(() => cidFromDigest("0x1234" as Hex)).toThrow();
  });
});

describe("content addresses of the twin content store", () => {
  it("gives the CID and the digest PVATwin stores for the same bytes", () => {
    expect(contentAddress("hello world")).toEqual({
      cid: "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
      digest: "0xb94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
    });
  });

  it("accepts only base32 raw sha2-256 CIDv1", () => {
    expect(parseRawCid("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")).toBe(
      "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
    );
    for (const other of [
      "bafybeifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", // dag-pb
      "QmaozNR7DZHQK1ZcU9p7QdrshMvXqWK6gpu5rmrkPdT3L4", // CIDv0
      "BAFKREIFZJUT3TE2NHYEKKLSS27NH3K72YSCO7Y32KOAO5EEI66WOF36N5E", // another multibase
      "ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
      "../etc/passwd",
    ]) {
      expect(parseRawCid(other)).toBeNull();
    }
  });
});

describe("PVATwin.tokenURI renders the stored digest as ipfs://<CIDv1>, equal to the TypeScript helper", () => {
  let twin: Address;
  let nextTokenId = 1n;

  beforeAll(async () => {
    twin = await twinFixture();
  });
  isolateChainState();

  async function mintAndRead(digest: Hex): Promise<string> {
    const tokenId = nextTokenId++;
    await mined(
      walletFor(accounts.minter).writeContract({
        address: twin,
        abi: pvaTwinAbi,
        functionName: "mintTo",
        args: [accounts.alice.address, tokenId, digest],
      }),
    );
    return publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "tokenURI", args: [tokenId] });
  }

  it("for the metadata file 'hello world'", async () => {
    expect(await mintAndRead(sha256Digest("hello world"))).toBe(
      "ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
    );
  });

  it("for edge-case digests (lowest, highest, alternating bits)", async () => {
    for (const digest of [
      `0x${"00".repeat(31)}01`,
      `0x${"ff".repeat(32)}`,
      `0x${"aa".repeat(32)}`,
      `0x${"55".repeat(32)}`,
    ] as Hex[]) {
      expect(await mintAndRead(digest)).toBe(tokenUriFromDigest(digest));
    }
  });

  it("for random metadata contents", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 512 }), async (content) => {
        const uri = await mintAndRead(sha256Digest(content));
        expect(uri).toBe(`ipfs://${cidForBytes(content)}`);
        expect(uri).toHaveLength(66);
      }),
      { numRuns: 25 },
    );
  });

  it("reverts with ERC721NonexistentToken for a token that was never minted", async () => {
    await expectRevert(
      publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "tokenURI", args: [999_999n] }),
      "ERC721NonexistentToken",
      [999_999n],
    );
  });
});
