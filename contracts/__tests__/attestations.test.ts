import { keccak256, parseEventLogs, stringToHex, toHex, type Address } from "viem";
import { accounts, expectRevert, isolateChainState, mined, walletFor } from "./helpers/chain";
import { pvaTwinAbi, twinFixture } from "./helpers/contracts";
import { digestFor } from "./helpers/vouchers";

const { attester, minter, alice } = accounts;

describe("PVATwin.attest records provenance events for existing twins", () => {
  let twin: Address;
  const APPRAISAL = stringToHex("APPRAISAL", { size: 32 });

  beforeAll(async () => {
    twin = await twinFixture();
    await mined(
      walletFor(minter).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "mintTo", args: [alice.address, 3n, digestFor("piece-3")] }),
    );
  });
  isolateChainState();

  const attest = (tokenId: bigint, kind: `0x${string}`, dataHash: `0x${string}`, from = attester) =>
    walletFor(from).writeContract({ address: twin, abi: pvaTwinAbi, functionName: "attest", args: [tokenId, kind, dataHash] });

  it("emits Attested(tokenId, kind, dataHash, attester)", async () => {
    const dataHash = keccak256(toHex("appraisal report #1"));
    const receipt = await mined(attest(3n, APPRAISAL, dataHash));
    const [event] = parseEventLogs({ abi: pvaTwinAbi, logs: receipt.logs, eventName: "Attested" });
    expect(event.args).toEqual({ tokenId: 3n, kind: APPRAISAL, dataHash, attester: attester.address });
  });

  it("rejects attestations about a token that does not exist (ERC721NonexistentToken)", async () => {
    await expectRevert(attest(4n, APPRAISAL, keccak256("0x01")), "ERC721NonexistentToken", [4n]);
  });
});
