import { chainConfig, serverRpcUrl } from "../chain-config"

describe("the chain node this site's server reads (the /tx page)", () => {
  it("is the internal node when one is named: in a container, the wallets' localhost is the container", () => {
    const env = { NEXT_PUBLIC_CHAIN_RPC_URL: "http://localhost:8545", CHAIN_RPC_URL_INTERNAL: "http://chain:8545" }
    expect(serverRpcUrl(env)).toBe("http://chain:8545")
    expect(chainConfig(env).rpc).toBe("http://localhost:8545") // what wallets are given stays public
  })

  it("is the wallets' RPC otherwise", () => {
    expect(serverRpcUrl({ NEXT_PUBLIC_CHAIN_RPC_URL: "http://127.0.0.1:9545" })).toBe("http://127.0.0.1:9545")
  })
})
