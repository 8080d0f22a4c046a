// Public entry of @pva/contracts: typed ABIs and bytecode, the EIP-712 voucher definition,
// the CID helpers that match PVATwin.tokenURI, role ids, PVAMarket enums and deployment files.
export { pvaTwinAbi, pvaTwinBytecode } from "./abi/PVATwin";
export { pvaSharesAbi, pvaSharesBytecode } from "./abi/PVAShares";
export { pvaMarketAbi, pvaMarketBytecode } from "./abi/PVAMarket";
export {
  cidForBytes,
  cidFromDigest,
  contentAddress,
  digestFromCid,
  parseRawCid,
  sha256Digest,
  tokenUriFromDigest,
} from "./lib/cid";
export {
  TWIN_EIP712_NAME,
  TWIN_EIP712_VERSION,
  claimVoucherTypedData,
  claimVoucherTypes,
  twinDomain,
  type ClaimVoucher,
} from "./lib/voucher";
export { roles, shareRestrictions, type ShareRestriction } from "./lib/roles";
export { listingKinds, listingStatuses, offerStatuses, type ListingKind, type ListingStatus, type OfferStatus } from "./lib/market";
export {
  deploymentPath,
  deploymentsDir,
  loadDeployment,
  type DeployedContract,
  type Deployment,
} from "./lib/deployments";
export type { Address, Hex } from "./lib/types";
export {
  DEV_CHAIN_ID,
  DEV_SERVER_KEY,
  WELL_KNOWN_DEV_ADDRESSES,
  WELL_KNOWN_DEV_KEYS,
  isWellKnownDevAddress,
  isWellKnownDevKey,
} from "./lib/well-known-keys";
