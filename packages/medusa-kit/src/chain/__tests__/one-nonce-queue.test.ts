import { DEV_SERVER_KEY, pvaSharesAbi, pvaTwinAbi } from "@pva/contracts"
import { startDeployedChain } from "@pva/test-support/chain"
import { createWalletClient, encodeFunctionData, http, keccak256, toHex, type Address, type Hash } from "viem"
import { privateKeyToAccount } from "viem/accounts"
import { chainClients, contractAddress, readChainSettings, sendSigned } from ".."

describe("the one chain signer", () => {
  let chain: Awaited<ReturnType<typeof startDeployedChain>>
  beforeAll(async () => {
    chain = await startDeployedChain("one-signer")
  }, 120_000)
  afterAll(async () => {
    await chain?.stop()
  })

  it("sends twin mints and share eligibility changes at once from one key without a nonce collision", async () => {
    const settings = readChainSettings({ ...chain.env, NODE_ENV: "test" })
    const twin = contractAddress(settings, "PVATwin")
    const shares = contractAddress(settings, "PVAShares")
    const wallets = Array.from({ length: 8 }, (_, i) => privateKeyToAccount(keccak256(toHex(`wallet ${i}`))).address)

    // What TwinChainService.mintTo and SharesChain.send("compliance", "setEligible") hand the
    // signer, interleaved and all at once, as a checkout paying for a twin and shares would.
    const twinMints = wallets.map((to: Address, i) =>
      sendSigned({ endpoint: settings, key: DEV_SERVER_KEY, to: twin, data: encodeFunctionData({ abi: pvaTwinAbi, functionName: "mintTo", args: [to, BigInt(9_000 + i), keccak256(toHex(i))] }) })
    )
    const shareChanges = wallets.map((wallet: Address) =>
      sendSigned({ endpoint: settings, key: DEV_SERVER_KEY, to: shares, data: encodeFunctionData({ abi: pvaSharesAbi, functionName: "setEligible", args: [wallet, true] }) })
    )
    const hashes: Hash[] = await Promise.all([...twinMints, ...shareChanges])

    const { publicClient } = chainClients(settings)
    const receipts = await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })))
    expect(receipts.every((r) => r.status === "success")).toBe(true)
    const nonces = await Promise.all(hashes.map(async (hash) => (await publicClient.getTransaction({ hash })).nonce))
    expect(new Set(nonces).size).toBe(hashes.length)

    for (const [i, wallet] of wallets.entries()) {
      expect(await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [BigInt(9_000 + i)] })).toBe(wallet)
      expect(await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "isEligible", args: [wallet] })).toBe(true)
    }
  }, 120_000)

  it("fails a call that would revert before it takes a nonce, and the next one still goes through", async () => {
    const settings = readChainSettings({ ...chain.env, NODE_ENV: "test" })
    const twin = contractAddress(settings, "PVATwin")
    const owner = privateKeyToAccount(keccak256(toHex("owner"))).address
    const mint = (id: bigint) => sendSigned({ endpoint: settings, key: DEV_SERVER_KEY, to: twin, data: encodeFunctionData({ abi: pvaTwinAbi, functionName: "mintTo", args: [owner, id, keccak256(toHex(id))] }) })
    await chainClients(settings).publicClient.waitForTransactionReceipt({ hash: await mint(9_100n) })
    await expect(mint(9_100n)).rejects.toThrow()
    const receipt = await chainClients(settings).publicClient.waitForTransactionReceipt({ hash: await mint(9_101n) })
    expect(receipt.status).toBe("success")
  }, 120_000)

  it("signs again when another process of the same key took its nonce, and says which recorded hash the node refused", async () => {
    const settings = readChainSettings({ ...chain.env, NODE_ENV: "test" })
    const twin = contractAddress(settings, "PVATwin")
    const owner = privateKeyToAccount(keccak256(toHex("other process"))).address
    const mintData = (id: bigint) => encodeFunctionData({ abi: pvaTwinAbi, functionName: "mintTo", args: [owner, id, keccak256(toHex(id))] })
    const { chain: viemChain, publicClient } = chainClients(settings)
    // This process's queue now knows the next nonce...
    await publicClient.waitForTransactionReceipt({ hash: await sendSigned({ endpoint: settings, key: DEV_SERVER_KEY, to: twin, data: mintData(9_200n) }) })
    // ...and a second process (the worker beside the API server) sends from the same key.
    const other = createWalletClient({ account: privateKeyToAccount(DEV_SERVER_KEY), chain: viemChain, transport: http(settings.rpcUrl) })
    await publicClient.waitForTransactionReceipt({ hash: await other.sendTransaction({ to: twin, data: mintData(9_201n) }) })

    const recorded: Array<[Hash, Hash | undefined]> = []
    const hash = await sendSigned({
      endpoint: settings,
      key: DEV_SERVER_KEY,
      to: twin,
      data: mintData(9_202n),
      beforeBroadcast: async (h, refused) => void recorded.push([h, refused]),
    })
    expect(recorded).toHaveLength(2)
    const [[first, none], [second, refused]] = recorded
    expect(none).toBeUndefined()
    expect(refused).toBe(first)
    expect(second).toBe(hash)
    expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe("success")
    // The refused signing never reached the chain, so nothing can mine it later.
    await expect(publicClient.getTransaction({ hash: first })).rejects.toThrow()
  }, 120_000)
})
