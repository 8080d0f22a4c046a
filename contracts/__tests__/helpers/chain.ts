// viem clients bound to the hardhat node started by __tests__/setup/global-setup.js.
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type Hash,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";

const rpcUrl = process.env.PVA_TEST_RPC_URL;
if (!rpcUrl) throw new Error("PVA_TEST_RPC_URL is not set: run the tests through jest (global setup starts the node)");
export const RPC_URL = rpcUrl;

export const CHAIN_ID = 31337;
export const chain = defineChain({
  id: CHAIN_ID,
  name: "Hardhat (tests)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [RPC_URL] } },
});

// Automine answers at once, so viem's default 4 s polling would dominate the run time.
// No retries: hardhat reports reverts as JSON-RPC internal errors, which viem would
// otherwise retry with back-off (about a second per expected revert).
const transport = http(RPC_URL, { retryCount: 0 });
export const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 });
export const testClient = createTestClient({ chain, transport, mode: "hardhat", pollingInterval: 20 });

const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";
const account = (addressIndex: number): LocalAccount => mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex });

/** Hardhat's funded dev accounts, named by what the tests use them for. */
export const accounts = {
  admin: account(0),
  minter: account(1),
  attester: account(2),
  issuer: account(3),
  compliance: account(4),
  alice: account(5),
  bob: account(6),
  carol: account(7),
  relayer: account(8),
  mallory: account(9),
};

export function walletFor(signer: LocalAccount) {
  return createWalletClient({ account: signer, chain, transport, pollingInterval: 20 });
}

/** Waits for the transaction and fails the test if it reverted. */
export async function mined(hash: Hash | Promise<Hash>): Promise<TransactionReceipt> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
  return receipt;
}

/** The custom error a call reverted with, decoded with the ABI the call was made with. */
export interface DecodedRevert {
  errorName: string | undefined;
  args: readonly unknown[] | undefined;
  /** Raw revert data when the ABI does not know the error. */
  raw: string | undefined;
}

export async function revertOf(action: Promise<unknown>): Promise<DecodedRevert> {
  try {
    await action;
  } catch (error) {
    if (!(error instanceof BaseError)) throw error;
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (!(reverted instanceof ContractFunctionRevertedError)) throw error;
    return { errorName: reverted.data?.errorName, args: reverted.data?.args, raw: reverted.raw };
  }
  throw new Error("expected the call to revert, but it succeeded");
}

/** Asserts that `action` reverts with custom error `errorName` (and `args`, when given). */
export async function expectRevert(action: Promise<unknown>, errorName: string, args?: readonly unknown[]) {
  const revert = await revertOf(action);
  expect(revert.errorName).toBe(errorName);
  if (args !== undefined) expect(revert.args).toEqual(args);
}

/** Timestamp of the latest block. */
export async function latestTimestamp(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}

/**
 * Mines a block at exactly `timestamp` (evm_setNextBlockTimestamp + evm_mine; evm_increaseTime
 * would land a few seconds off, as automined blocks run ahead of the wall clock here).
 */
export async function travelTo(timestamp: bigint) {
  await testClient.setNextBlockTimestamp({ timestamp });
  await testClient.mine({ blocks: 1 });
}

/** The next transaction's block will have exactly `timestamp`. */
export async function nextBlockAt(timestamp: bigint) {
  await testClient.setNextBlockTimestamp({ timestamp });
}

/**
 * Every test in the calling file starts from the chain state left by its `beforeAll`,
 * and the file leaves the chain as it found it.
 */
export function isolateChainState() {
  let fileSnapshot: `0x${string}`;
  let testSnapshot: `0x${string}`;
  beforeAll(async () => {
    fileSnapshot = await testClient.snapshot();
  });
  beforeEach(async () => {
    testSnapshot = await testClient.snapshot();
  });
  afterEach(async () => {
    await testClient.revert({ id: testSnapshot });
  });
  afterAll(async () => {
    await testClient.revert({ id: fileSnapshot });
  });
}
