import { decodeErrorResult, encodeFunctionData, parseEther, type Address, type Hex } from "viem";
import { accounts, mined, publicClient, walletFor } from "./helpers/chain";
import { pvaTwinAbi } from "./helpers/contracts";
import {
  Mode,
  actorExecute,
  balanceOf,
  configureActor,
  createdId,
  deployMarket,
  deployMarketActor,
  listingOf,
  marketActorAbi,
  marketCall,
  marketEvents,
  pvaMarketAbi,
  twinForSale,
  twinOwner,
  useMarket,
  withdrawable,
  type MarketSetup,
} from "./helpers/market";
import { digestFor } from "./helpers/vouchers";

const { admin, alice, bob, minter } = accounts;
const ONE = parseEther("1");

/** What a MarketActor saw when it tried to call back into the market. */
async function reentryOutcome(actor: Address) {
  const read = (functionName: string) => publicClient.readContract({ address: actor, abi: marketActorAbi, functionName });
  const revertData = (await read("reentryRevertData")) as Hex;
  return {
    attempted: (await read("attempted")) as boolean,
    succeeded: (await read("reentrySucceeded")) as boolean,
    errorName: revertData !== "0x" ? decodeErrorResult({ abi: pvaMarketAbi, data: revertData }).errorName : undefined,
  };
}

describe("PVAMarket payouts: a payee that reverts never blocks a sale, amounts always add up, no re-entry", () => {
  const setup = useMarket();
  let actor: Address;
  beforeEach(async () => {
    actor = await deployMarketActor();
  });
  const call = (functionName: string, args: readonly unknown[]) => encodeFunctionData({ abi: pvaMarketAbi, functionName, args } as never);
  const listTwin = async (tokenId: bigint, price: bigint) => {
    await twinForSale(setup, alice, tokenId);
    return createdId(await marketCall(setup, alice, "listFixedPrice", [setup.twin, tokenId, 1n, price]));
  };

  it("credits a royalty receiver that reverts, and the sale completes", async () => {
    await configureActor(actor, Mode.Reject, Mode.Accept);
    await mined(walletFor(admin).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setDefaultRoyalty", args: [actor, 500n] }));
    const id = await listTwin(1n, ONE);

    const receipt = await marketCall(setup, bob, "buy", [id, 1n, ONE], ONE);

    expect(await twinOwner(setup, 1n)).toBe(bob.address);
    expect(marketEvents(receipt, "RoyaltyPaid")[0].args).toMatchObject({ receiver: actor, amount: ONE / 20n });
    expect(marketEvents(receipt, "Credited")[0].args).toEqual({ account: actor, amount: ONE / 20n });
    expect(await withdrawable(setup, actor)).toBe(ONE / 20n);
    expect(await balanceOf(setup.market)).toBe(ONE / 20n);
  });

  it("credits a fee recipient that reverts", async () => {
    await configureActor(actor, Mode.Reject, Mode.Accept);
    await marketCall(setup, admin, "setFee", [actor, 250]);
    const id = await listTwin(1n, ONE);
    await marketCall(setup, bob, "buy", [id, 1n, ONE], ONE);
    expect(await withdrawable(setup, actor)).toBe((ONE * 250n) / 10_000n);
  });

  it("credits a seller contract whose receive re-enters the market (it runs out of the payout's gas), and never pays twice", async () => {
    // The actor owns and lists the twin itself; on receiving ether it tries to withdraw.
    await mined(walletFor(minter).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "mintTo", args: [actor, 1n, digestFor("actor-twin")] }));
    await mined(actorExecute(actor, setup.twin, encodeFunctionData({ abi: pvaTwinAbi, functionName: "setApprovalForAll", args: [setup.market, true] })));
    await mined(actorExecute(actor, setup.market, call("listFixedPrice", [setup.twin, 1n, 1n, ONE])));
    await configureActor(actor, Mode.Reenter, Mode.Accept, setup.market, call("withdraw", []));

    await marketCall(setup, bob, "buy", [1n, 1n, ONE], ONE);

    const proceeds = ONE - (ONE * 750n) / 10_000n;
    expect(await twinOwner(setup, 1n)).toBe(bob.address);
    expect(await withdrawable(setup, actor)).toBe(proceeds);
    // Withdrawing with full gas: the receive re-enters withdraw() and is stopped by the guard.
    await mined(actorExecute(actor, setup.market, call("withdraw", [])));
    expect(await reentryOutcome(actor)).toEqual({ attempted: true, succeeded: false, errorName: "ReentrancyGuardReentrantCall" });
    expect(await balanceOf(actor)).toBe(proceeds);
    expect(await withdrawable(setup, actor)).toBe(0n);
    expect(await balanceOf(setup.market)).toBe(0n);
  });

  it("stops a buyer contract from re-entering buy from the token's receiver hook", async () => {
    const first = await listTwin(1n, ONE);
    const second = await listTwin(2n, ONE);
    await configureActor(actor, Mode.Accept, Mode.Reenter, setup.market, call("buy", [second, 1n, ONE]));
    await publicClient.request({ method: "hardhat_setBalance" as never, params: [actor, "0x56BC75E2D63100000"] as never }); // 100 ETH for the nested purchase

    await mined(actorExecute(actor, setup.market, call("buy", [first, 1n, ONE]), ONE));

    expect(await reentryOutcome(actor)).toEqual({ attempted: true, succeeded: false, errorName: "ReentrancyGuardReentrantCall" });
    expect(await twinOwner(setup, 1n)).toBe(actor);
    expect(await twinOwner(setup, 2n)).toBe(alice.address);
    expect((await listingOf(setup, second)).status).toBe("Active");
  });

  it("caps a royalty at half the price, whatever royaltyInfo asks", async () => {
    await mined(walletFor(admin).writeContract({ address: setup.twin, abi: pvaTwinAbi, functionName: "setTokenRoyalty", args: [1n, setup.royaltyReceiver, 9_000n] }));
    const id = await listTwin(1n, ONE);
    const sellerBefore = await balanceOf(alice.address);
    await marketCall(setup, bob, "buy", [id, 1n, ONE], ONE);
    expect(await balanceOf(setup.royaltyReceiver)).toBe(ONE / 2n);
    expect((await balanceOf(alice.address)) - sellerBefore).toBe(ONE / 2n - (ONE * 250n) / 10_000n);
  });

  describe("rounding", () => {
    it.each([
      // price, fee (2.5%, rounded down), royalty (5%, rounded down), seller gets the rest
      [9_999n, 249n, 499n, 9_251n],
      [39n, 0n, 1n, 38n],
      [1n, 0n, 0n, 1n],
      [ONE + 1n, ONE / 40n, ONE / 20n, ONE + 1n - ONE / 40n - ONE / 20n],
    ])("a sale at %s wei pays fee %s, royalty %s and the seller %s: exactly the price", async (price, fee, royalty, seller) => {
      const id = await listTwin(1n, price);
      const sellerBefore = await balanceOf(alice.address);
      await marketCall(setup, bob, "buy", [id, 1n, price], price);
      expect(await balanceOf(setup.feeRecipient)).toBe(fee);
      expect(await balanceOf(setup.royaltyReceiver)).toBe(royalty);
      expect((await balanceOf(alice.address)) - sellerBefore).toBe(seller);
      expect(fee + royalty + seller).toBe(price);
      expect(await balanceOf(setup.market)).toBe(0n);
    });
  });

  it("refuses to be deployed with a fee above the maximum", async () => {
    const attempt = (setupOf: MarketSetup) => deployMarket(setupOf.twin, setupOf.shares, setupOf.feeRecipient, 1_001);
    await expect(attempt(setup)).rejects.toThrow(/InvalidFee/);
  });
});
