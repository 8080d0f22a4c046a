// PVAMarket's enums by index, as the contract returns them in `getListing` / `getOffer`.
/** MarketSettlement.Kind */
export const listingKinds = ["None", "FixedPrice", "Dutch", "English"] as const;
export type ListingKind = (typeof listingKinds)[number];

/** MarketSettlement.Status */
export const listingStatuses = ["None", "Active", "Sold", "Cancelled", "Invalid"] as const;
export type ListingStatus = (typeof listingStatuses)[number];

/** MarketOffers.OfferStatus */
export const offerStatuses = ["None", "Open", "Accepted", "Withdrawn"] as const;
export type OfferStatus = (typeof offerStatuses)[number];
