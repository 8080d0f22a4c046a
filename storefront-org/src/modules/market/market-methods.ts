// PVAMarket's functions as the site calls them, written out as the claim flow does (thirdweb
// parses these strings; a component test checks each against the contract's ABI, so a change of
// the contract cannot silently break a button).

export const MARKET_METHODS = {
  listFixedPrice: "function listFixedPrice(address token, uint256 tokenId, uint96 quantity, uint96 unitPrice) returns (uint256 listingId)",
  createAuction:
    "function createAuction(address token, uint256 tokenId, uint96 quantity, uint96 reservePrice, uint32 duration, uint16 minIncrementBps, uint32 extensionWindow) returns (uint256 listingId)",
  listDutch: "function listDutch(address token, uint256 tokenId, uint96 quantity, uint96 startPrice, uint96 floorPrice, uint32 duration) returns (uint256 listingId)",
  buy: "function buy(uint256 listingId, uint96 quantity, uint256 maxUnitPrice) payable",
  bid: "function bid(uint256 listingId) payable",
  settleAuction: "function settleAuction(uint256 listingId)",
  cancelListing: "function cancelListing(uint256 listingId)",
  cancelAuction: "function cancelAuction(uint256 listingId)",
  makeOffer: "function makeOffer(address token, uint256 tokenId, uint96 quantity, uint64 expiresAt) payable returns (uint256 offerId)",
  acceptOffer: "function acceptOffer(uint256 offerId)",
  withdrawOffer: "function withdrawOffer(uint256 offerId)",
  withdraw: "function withdraw()",
  withdrawable: "function withdrawable(address account) view returns (uint256)",
  currentPrice: "function currentPrice(uint256 listingId) view returns (uint256)",
  minimumBid: "function minimumBid(uint256 listingId) view returns (uint256)",
} as const

/** ERC-721 and ERC-1155 share these two, so one pair serves twins and shares. */
export const APPROVAL_METHODS = {
  isApprovedForAll: "function isApprovedForAll(address owner, address operator) view returns (bool)",
  setApprovalForAll: "function setApprovalForAll(address operator, bool approved)",
} as const
