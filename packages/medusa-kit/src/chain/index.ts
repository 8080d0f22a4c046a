// `@pva/medusa-kit/chain`: the chain settings and the one signer (apart from the kit's root so
// that plugins without a chain do not load viem).
export { readChainSettings, signerKey, contractAddress, type ChainSettings } from "./settings"
export { sendSigned, chainClients, signerAccount, type ChainEndpoint, type ChainClients, type SignedSend } from "./signer"
