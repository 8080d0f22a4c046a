// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PVAShares} from "../PVAShares.sol";
import {MarketSettlement} from "./MarketSettlement.sol";

/// @title MarketOffers
/// @notice Escrowed, expiring offers on a twin or on a quantity of shares. Whoever holds the
///         tokens may accept one before it expires; the bidder may take the money back at any
///         time until it is accepted.
abstract contract MarketOffers is MarketSettlement {
    enum OfferStatus {
        None,
        Open,
        Accepted,
        Withdrawn
    }

    /// @dev Three slots; uint96 wei amounts go up to 7.9e10 ether.
    struct Offer {
        address bidder;
        uint64 expiresAt;
        OfferStatus status;
        bool isShares;
        uint96 quantity;
        uint96 amount;
        uint256 tokenId;
    }

    /// @notice An offer may run for at most 180 days.
    uint256 public constant MAX_OFFER_DURATION = 180 days;

    uint256 private _nextOfferId = 1;
    mapping(uint256 offerId => Offer) private _offers;

    /// @notice `bidder` escrowed `amount` for `quantity` of `tokenId` of `token`, valid until `expiresAt`.
    event OfferMade(
        uint256 indexed offerId,
        address indexed bidder,
        address indexed token,
        uint256 tokenId,
        uint256 quantity,
        uint256 amount,
        uint64 expiresAt
    );
    /// @notice `seller` accepted offer `offerId`: the tokens went to the bidder, `amount` to the seller's side.
    event OfferAccepted(uint256 indexed offerId, address indexed seller, address indexed bidder, uint256 amount);
    /// @notice The bidder took back the escrow of offer `offerId`.
    event OfferWithdrawn(uint256 indexed offerId, address indexed bidder, uint256 amount);

    /// @notice `expiresAt` is not in (now, now + MAX_OFFER_DURATION].
    error InvalidExpiry(uint64 expiresAt);
    /// @notice Offer `offerId` does not exist or is no longer open.
    error OfferNotOpen(uint256 offerId);
    /// @notice Offer `offerId` expired at `expiresAt`.
    error OfferExpired(uint256 offerId, uint64 expiresAt);
    /// @notice Only the offer's bidder may withdraw it.
    error NotBidder(address caller);
    /// @notice No twin `tokenId` has been minted.
    error TwinUnknown(uint256 tokenId);
    /// @notice Twin `tokenId` is in English auction `listingId` with a bid standing.
    error TwinInAuction(uint256 listingId);

    /// @notice Offers `msg.value` for `quantity` of `tokenId` of `token` (PVATwin: 1), valid
    ///         until `expiresAt` (inclusive). For shares, PVAShares must let the caller hold
    ///         them now (eligible, offering exists, no lock-up in force); otherwise it reverts.
    function makeOffer(
        address token,
        uint256 tokenId,
        uint96 quantity,
        uint64 expiresAt
    ) external payable whenNotPaused nonReentrant returns (uint256 offerId) {
        _requireTradable(token, quantity);
        if (msg.value == 0) revert InvalidPrice();
        if (expiresAt <= block.timestamp || expiresAt > block.timestamp + MAX_OFFER_DURATION) revert InvalidExpiry(expiresAt);
        if (token == address(twin)) {
            try twin.ownerOf(tokenId) returns (address) {} catch {
                revert TwinUnknown(tokenId);
            }
        } else {
            _requireSharesReceivable(tokenId, msg.sender);
        }
        offerId = _nextOfferId++;
        _offers[offerId] = Offer({
            bidder: msg.sender,
            expiresAt: expiresAt,
            status: OfferStatus.Open,
            isShares: token == address(shares),
            quantity: quantity,
            amount: uint96(msg.value), // msg.value < 2^96: more than all the ether there is
            tokenId: tokenId
        });
        emit OfferMade(offerId, msg.sender, token, tokenId, quantity, msg.value, expiresAt);
    }

    /// @notice Sells the caller's tokens to the bidder of offer `offerId` for its amount. The
    ///         caller must hold them and have approved the market.
    function acceptOffer(uint256 offerId) external whenNotPaused nonReentrant {
        Offer storage offer = _openOffer(offerId);
        if (block.timestamp > offer.expiresAt) revert OfferExpired(offerId, offer.expiresAt);
        (address token, uint256 tokenId, address bidder, uint256 quantity) = (
            offer.isShares ? address(shares) : address(twin),
            offer.tokenId,
            offer.bidder,
            offer.quantity
        );
        if (token == address(twin)) {
            // Accepting would break an auction the seller can no longer cancel.
            uint256 listingId = _twinListing[tokenId];
            Listing storage listing = _listings[listingId];
            if (listing.kind == Kind.English && listing.status == Status.Active && listing.highBidder != address(0)) {
                revert TwinInAuction(listingId);
            }
        }
        (Failure failure, ) = _requireBuyerAllowed(token, tokenId, msg.sender, bidder, quantity);
        if (failure == Failure.SellerCannotDeliver) revert SellerCannotDeliver(msg.sender);

        offer.status = OfferStatus.Accepted;
        emit OfferAccepted(offerId, msg.sender, bidder, offer.amount);
        _deliver(token, tokenId, msg.sender, bidder, quantity);
        _payOut(token, tokenId, msg.sender, offer.amount);
    }

    /// @notice Returns the escrow of the caller's open (or expired) offer. Works while paused.
    function withdrawOffer(uint256 offerId) external nonReentrant {
        Offer storage offer = _openOffer(offerId);
        if (offer.bidder != msg.sender) revert NotBidder(msg.sender);
        offer.status = OfferStatus.Withdrawn;
        uint256 amount = offer.amount;
        emit OfferWithdrawn(offerId, msg.sender, amount);
        _sendAll(msg.sender, amount);
    }

    /// @notice Offer `offerId` as stored (status `None` when it does not exist).
    function getOffer(uint256 offerId) external view returns (Offer memory) {
        return _offers[offerId];
    }

    function _openOffer(uint256 offerId) private view returns (Offer storage offer) {
        offer = _offers[offerId];
        if (offer.status != OfferStatus.Open) revert OfferNotOpen(offerId);
    }

    /// @dev The mint-side rules of PVAShares that do not depend on a seller.
    function _requireSharesReceivable(uint256 offeringId, address bidder) private view {
        PVAShares.Restriction reason = PVAShares.Restriction.None;
        if (shares.paused()) reason = PVAShares.Restriction.Paused;
        else if (shares.maxShares(offeringId) == 0) reason = PVAShares.Restriction.UnknownOffering;
        else if (!shares.isEligible(bidder)) reason = PVAShares.Restriction.RecipientNotEligible;
        else if (block.timestamp < shares.lockupUntil(offeringId)) reason = PVAShares.Restriction.LockedUp;
        if (reason != PVAShares.Restriction.None) revert SharesRestricted(bidder, reason);
    }
}
