// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PVAShares} from "../PVAShares.sol";
import {MarketSettlement} from "./MarketSettlement.sol";

/// @title MarketAuctions
/// @notice English auctions with a reserve: the clock starts at the first bid at or above the
///         reserve, each later bid must beat the standing one by a minimum percentage, and a bid
///         in the last `extensionWindow` seconds moves the end to now + `extensionWindow`.
/// @dev The market holds the standing bid. An outbid bidder is credited (pull, see
///      `withdraw`), never paid in the bid's transaction, so a bidder that rejects ether
///      cannot block the auction.
abstract contract MarketAuctions is MarketSettlement {
    /// @notice The anti-sniping window can be at most one day.
    uint256 public constant MAX_EXTENSION_WINDOW = 1 days;

    /// @notice English listing `listingId` runs `duration` seconds from its first valid bid.
    event AuctionTerms(uint256 indexed listingId, uint32 duration, uint16 minIncrementBps, uint32 extensionWindow);
    /// @notice `bidder` bid `amount`; the auction now ends at `endTime`.
    event BidPlaced(uint256 indexed listingId, address indexed bidder, uint256 amount, uint64 endTime);
    /// @notice A late bid moved the end of auction `listingId` to `endTime`.
    event AuctionExtended(uint256 indexed listingId, uint64 endTime);
    /// @notice Auction `listingId` closed: `winner` bought the lot for `amount`.
    event AuctionSettled(uint256 indexed listingId, address indexed winner, uint256 amount);

    /// @notice The minimum increment must be between 0.01% and 100%.
    error InvalidIncrement(uint256 minIncrementBps);
    /// @notice The anti-sniping window must be between 1 second and MAX_EXTENSION_WINDOW.
    error InvalidExtensionWindow(uint256 extensionWindow);
    /// @notice A bid must be at least `minimum`.
    error BidTooLow(uint256 minimum, uint256 bid);
    /// @notice Auction `listingId` ended at `endTime`.
    error AuctionEnded(uint256 listingId, uint64 endTime);
    /// @notice Auction `listingId` is still running (or has no bid: `endTime` 0).
    error AuctionNotEnded(uint256 listingId, uint64 endTime);
    /// @notice A bid stands on auction `listingId`: it can no longer be cancelled.
    error BidStands(uint256 listingId);

    /// @notice Auctions `quantity` of `tokenId` of `token` (PVATwin: 1) as one lot.
    /// @param reservePrice Lowest acceptable first bid, in wei, for the whole lot.
    /// @param duration Seconds of bidding once the first valid bid is placed.
    /// @param minIncrementBps How much each bid must exceed the standing one (basis points).
    /// @param extensionWindow A bid this close to the end extends it to now + this.
    function createAuction(
        address token,
        uint256 tokenId,
        uint96 quantity,
        uint96 reservePrice,
        uint32 duration,
        uint16 minIncrementBps,
        uint32 extensionWindow
    ) external whenNotPaused nonReentrant returns (uint256 listingId) {
        _requireDuration(duration);
        if (minIncrementBps == 0 || minIncrementBps > BPS) revert InvalidIncrement(minIncrementBps);
        if (extensionWindow == 0 || extensionWindow > MAX_EXTENSION_WINDOW) revert InvalidExtensionWindow(extensionWindow);
        Listing memory listing = _newListing(Kind.English, tokenId, quantity, reservePrice);
        listing.duration = duration;
        listing.minIncrementBps = minIncrementBps;
        listing.extensionWindow = extensionWindow;
        listingId = _openListing(listing, token);
        emit AuctionTerms(listingId, duration, minIncrementBps, extensionWindow);
    }

    /// @notice Bids `msg.value` on auction `listingId`. The previous high bid is credited to
    ///         its bidder. A bidder PVAShares would refuse gets a revert before any money moves.
    /// @dev If the seller can no longer deliver, the auction is marked invalid, this bid and
    ///      the standing one are credited back, and the call succeeds without a bid.
    function bid(uint256 listingId) external payable whenNotPaused nonReentrant {
        Listing storage listing = _activeListing(listingId, Kind.English);
        uint64 endTime = listing.endTime;
        if (endTime != 0 && block.timestamp >= endTime) revert AuctionEnded(listingId, endTime);
        if (msg.sender == listing.seller) revert SellerIsBuyer();
        uint256 minimum = _minimumBid(listing);
        if (msg.value < minimum) revert BidTooLow(minimum, msg.value);

        (Failure failure, ) = _requireBuyerAllowed(_tokenOf(listing), listing.tokenId, listing.seller, msg.sender, listing.quantity);
        if (failure == Failure.SellerCannotDeliver) {
            _invalidate(listingId, listing);
            _credit(msg.sender, msg.value);
            return;
        }

        (address outbid, uint256 outbidAmount) = (listing.highBidder, listing.highBid);
        listing.highBidder = msg.sender;
        listing.highBid = uint96(msg.value); // msg.value < 2^96: more than all the ether there is
        if (endTime == 0) {
            endTime = uint64(block.timestamp + listing.duration);
            listing.endTime = endTime;
        } else if (endTime - block.timestamp < listing.extensionWindow) {
            endTime = uint64(block.timestamp + listing.extensionWindow);
            listing.endTime = endTime;
            emit AuctionExtended(listingId, endTime);
        }
        emit BidPlaced(listingId, msg.sender, msg.value, endTime);
        _credit(outbid, outbidAmount);
    }

    /// @notice Closes an ended auction: the lot to the winner, the bid to seller, royalty
    ///         receiver and platform. Anyone may call.
    /// @dev If the seller can no longer deliver, the winner may no longer hold shares, or the
    ///      winner's contract rejects the token, the auction is marked invalid and the winning
    ///      bid credited back to the winner. A pause of PVAShares only postpones settlement.
    function settleAuction(uint256 listingId) external whenNotPaused nonReentrant {
        Listing storage listing = _activeListing(listingId, Kind.English);
        uint64 endTime = listing.endTime;
        if (endTime == 0 || block.timestamp < endTime) revert AuctionNotEnded(listingId, endTime);
        (address token, uint256 tokenId, address seller) = (_tokenOf(listing), listing.tokenId, listing.seller);
        (address winner, uint256 amount, uint256 quantity) = (listing.highBidder, listing.highBid, listing.quantity);

        (Failure failure, PVAShares.Restriction reason) = _checkSale(token, tokenId, seller, winner, quantity);
        if (reason == PVAShares.Restriction.Paused) revert SharesRestricted(winner, reason);
        if (failure == Failure.None) {
            listing.status = Status.Sold;
            if (_tryDeliver(token, tokenId, seller, winner, quantity)) {
                emit AuctionSettled(listingId, winner, amount);
                emit Sold(listingId, winner, seller, quantity, amount);
                _payOut(token, tokenId, seller, amount);
                return;
            }
        }
        _invalidate(listingId, listing);
    }

    /// @notice Withdraws the caller's auction while no bid stands. Works while paused.
    function cancelAuction(uint256 listingId) external nonReentrant {
        Listing storage listing = _activeListing(listingId, Kind.English);
        _requireSeller(listing);
        if (listing.highBidder != address(0)) revert BidStands(listingId);
        listing.status = Status.Cancelled;
        emit Cancelled(listingId);
    }

    /// @notice The lowest bid auction `listingId` accepts now: the reserve, then the standing
    ///         bid plus `minIncrementBps` of it (rounded up, at least 1 wei).
    function minimumBid(uint256 listingId) external view returns (uint256) {
        Listing storage listing = _listings[listingId];
        if (listing.kind != Kind.English) revert ListingUnknown(listingId);
        return _minimumBid(listing);
    }

    function _minimumBid(Listing storage listing) private view returns (uint256) {
        uint256 standing = listing.highBid;
        if (standing == 0) return listing.price;
        return standing + (standing * listing.minIncrementBps + BPS - 1) / BPS;
    }
}
