// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MarketSettlement} from "./MarketSettlement.sol";

/// @title MarketListings
/// @notice Buy-now sales: fixed-price listings and Dutch auctions (a price that falls linearly
///         from a start to a floor). Both sell per unit, so a buyer may take part of a shares
///         listing, and both take a maximum unit price so a price rise cannot be front-run.
abstract contract MarketListings is MarketSettlement {
    /// @notice The seller changed the unit price of fixed-price listing `listingId`.
    event PriceChanged(uint256 indexed listingId, uint256 oldPrice, uint256 newPrice);
    /// @notice Dutch listing `listingId` falls to `floorPrice` per unit at `endTime`, then stays there.
    event DutchTerms(uint256 indexed listingId, uint256 floorPrice, uint64 endTime);

    /// @notice The unit price is now `price`, above the buyer's `maxPrice`.
    error PriceAboveMax(uint256 price, uint256 maxPrice);
    /// @notice `requested` units asked, `available` left.
    error QuantityUnavailable(uint256 requested, uint256 available);

    /// @notice Lists `quantity` of `tokenId` of `token` (PVATwin: 1) at `unitPrice` wei each.
    ///         The market must be approved; the tokens stay with the seller until sold.
    function listFixedPrice(
        address token,
        uint256 tokenId,
        uint96 quantity,
        uint96 unitPrice
    ) external whenNotPaused nonReentrant returns (uint256 listingId) {
        return _openListing(_newListing(Kind.FixedPrice, tokenId, quantity, unitPrice), token);
    }

    /// @notice Lists `quantity` at a unit price falling linearly from `startPrice` to
    ///         `floorPrice` over `duration` seconds, then staying at the floor.
    function listDutch(
        address token,
        uint256 tokenId,
        uint96 quantity,
        uint96 startPrice,
        uint96 floorPrice,
        uint32 duration
    ) external whenNotPaused nonReentrant returns (uint256 listingId) {
        if (floorPrice == 0 || floorPrice >= startPrice) revert InvalidPrice();
        _requireDuration(duration);
        Listing memory listing = _newListing(Kind.Dutch, tokenId, quantity, startPrice);
        listing.floorPrice = floorPrice;
        listing.duration = duration;
        listing.endTime = uint64(block.timestamp + duration);
        listingId = _openListing(listing, token);
        emit DutchTerms(listingId, floorPrice, listing.endTime);
    }

    /// @notice Changes the unit price of the caller's fixed-price listing.
    function setPrice(uint256 listingId, uint96 unitPrice) external nonReentrant {
        Listing storage listing = _activeListing(listingId, Kind.FixedPrice);
        _requireSeller(listing);
        if (unitPrice == 0) revert InvalidPrice();
        emit PriceChanged(listingId, listing.price, unitPrice);
        listing.price = unitPrice;
    }

    /// @notice Withdraws the caller's fixed-price or Dutch listing. Works while paused.
    function cancelListing(uint256 listingId) external nonReentrant {
        Listing storage listing = _buyNowListing(listingId);
        _requireSeller(listing);
        listing.status = Status.Cancelled;
        emit Cancelled(listingId);
    }

    /// @notice Buys `quantity` units at the current unit price, if it is at most `maxUnitPrice`.
    ///         Anything paid above the price is credited to the buyer (see `withdraw`).
    /// @dev Shares' rules are asked first: a buyer PVAShares would refuse (not eligible,
    ///      lock-up, paused) gets a revert and keeps their money. If the seller can no longer
    ///      deliver, the listing is marked invalid, the payment credited back, and the call
    ///      succeeds without a sale (`ListingInvalidated`, no `Sold`).
    function buy(uint256 listingId, uint96 quantity, uint256 maxUnitPrice) external payable whenNotPaused nonReentrant {
        Listing storage listing = _buyNowListing(listingId);
        if (quantity == 0 || quantity > listing.quantity) revert QuantityUnavailable(quantity, listing.quantity);
        address seller = listing.seller;
        if (msg.sender == seller) revert SellerIsBuyer();
        uint256 unitPrice = _unitPrice(listing);
        if (unitPrice > maxUnitPrice) revert PriceAboveMax(unitPrice, maxUnitPrice);
        uint256 total = unitPrice * quantity;
        if (msg.value < total) revert InsufficientPayment(total, msg.value);

        (address token, uint256 tokenId) = (_tokenOf(listing), listing.tokenId);
        (Failure failure, ) = _requireBuyerAllowed(token, tokenId, seller, msg.sender, quantity);
        if (failure == Failure.SellerCannotDeliver) {
            _invalidate(listingId, listing);
            _credit(msg.sender, msg.value);
            return;
        }

        listing.quantity -= quantity;
        if (listing.quantity == 0) listing.status = Status.Sold;
        emit Sold(listingId, msg.sender, seller, quantity, total);
        _deliver(token, tokenId, seller, msg.sender, quantity);
        _payOut(token, tokenId, seller, total);
        _credit(msg.sender, msg.value - total);
    }

    /// @notice What one unit of listing `listingId` costs now.
    function currentPrice(uint256 listingId) external view returns (uint256) {
        Listing storage listing = _listings[listingId];
        if (listing.kind != Kind.FixedPrice && listing.kind != Kind.Dutch) revert ListingUnknown(listingId);
        return _unitPrice(listing);
    }

    /// @dev Dutch: start − (start − floor) × elapsed / duration, rounded up (in the seller's favour).
    function _unitPrice(Listing storage listing) private view returns (uint256) {
        if (listing.kind == Kind.FixedPrice || block.timestamp >= listing.endTime) {
            return listing.kind == Kind.FixedPrice ? listing.price : listing.floorPrice;
        }
        uint256 drop = ((uint256(listing.price) - listing.floorPrice) * (block.timestamp - listing.startTime)) / listing.duration;
        return listing.price - drop;
    }

    function _buyNowListing(uint256 listingId) private view returns (Listing storage listing) {
        listing = _listings[listingId];
        if (listing.kind != Kind.FixedPrice && listing.kind != Kind.Dutch) revert ListingUnknown(listingId);
        if (listing.status != Status.Active) revert ListingNotActive(listingId);
    }
}
