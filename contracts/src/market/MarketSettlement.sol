// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {PVATwin} from "../PVATwin.sol";
import {PVAShares} from "../PVAShares.sol";

/// @title MarketSettlement
/// @notice What every kind of sale in PVAMarket shares: the two tradable assets (PVATwin and
///         PVAShares), the listing record, the checks that a seller can still deliver and a
///         buyer may receive, and the money: royalty, platform fee, seller proceeds, and the
///         withdrawable balances that refunds and failed payouts are credited to.
/// @dev Tokens never leave the seller before a sale (the market is only approved), so a
///      listing can go stale; it is then marked `Invalid` by the next call that needs it.
abstract contract MarketSettlement is AccessControl, Pausable, ReentrancyGuardTransient {
    enum Kind {
        None,
        FixedPrice,
        Dutch,
        English
    }

    enum Status {
        None,
        Active,
        Sold,
        Cancelled,
        Invalid
    }

    /// @notice One listing of a twin (quantity 1) or of shares of one offering.
    /// @dev `price` is per unit for FixedPrice and Dutch (Dutch: the start price), and the
    ///      reserve of the whole lot for English. `endTime` is the end of the decay (Dutch)
    ///      or of the bidding (English: 0 until the first bid at or above the reserve).
    ///      Packed so that a fixed-price listing takes three slots, Dutch four, English five;
    ///      uint96 wei amounts go up to 7.9e10 ether, far above the ether in existence.
    struct Listing {
        address seller;
        Kind kind;
        Status status;
        uint64 startTime;
        bool isShares;
        uint256 tokenId;
        uint96 quantity;
        uint96 price;
        uint96 floorPrice;
        uint64 endTime;
        uint32 duration;
        uint32 extensionWindow;
        uint16 minIncrementBps;
        address highBidder;
        uint96 highBid;
    }

    /// @dev Why a sale cannot go ahead now. `SellerCannotDeliver` is permanent for the listing
    ///      (token moved, approval revoked, seller's shares or eligibility gone); `Restricted`
    ///      is PVAShares refusing the buyer (not eligible, lock-up, paused).
    enum Failure {
        None,
        SellerCannotDeliver,
        Restricted
    }

    uint256 internal constant BPS = 10_000;
    /// @notice The platform fee can never be set above 10%.
    uint256 public constant MAX_FEE_BPS = 1_000;
    /// @notice A royalty is paid up to half the price, whatever `royaltyInfo` asks for.
    uint256 public constant MAX_ROYALTY_BPS = 5_000;
    /// @dev Gas handed to a payout recipient: enough for a wallet's receive, too little to
    ///      do harm; a recipient that needs more (or reverts) is credited instead.
    uint256 internal constant PAYOUT_GAS = 30_000;
    /// @notice Bounds of a Dutch decay or an English auction's bidding time.
    uint256 public constant MIN_DURATION = 15 minutes;
    uint256 public constant MAX_DURATION = 90 days;

    PVATwin public immutable twin;
    PVAShares public immutable shares;

    address public feeRecipient;
    uint16 public feeBps;

    uint256 internal _nextListingId = 1;
    mapping(uint256 listingId => Listing) internal _listings;
    mapping(address account => uint256 amount) private _withdrawable;
    /// @dev The latest listing of each twin, so its owner cannot open a second one beside it.
    mapping(uint256 twinId => uint256 listingId) internal _twinListing;

    /// @notice `seller` listed `quantity` of `tokenId` of `token`; `price` per unit (FixedPrice,
    ///         Dutch start) or the reserve of the lot (English).
    event Listed(
        uint256 indexed listingId,
        address indexed seller,
        address indexed token,
        uint256 tokenId,
        Kind kind,
        uint256 quantity,
        uint256 price
    );
    /// @notice The seller withdrew listing `listingId` (FixedPrice, Dutch, or English without a bid).
    event Cancelled(uint256 indexed listingId);
    /// @notice `buyer` bought `quantity` of listing `listingId` from `seller` for `price` in total.
    event Sold(uint256 indexed listingId, address indexed buyer, address indexed seller, uint256 quantity, uint256 price);
    /// @notice `receiver` was owed `amount` of royalty on the sale of `tokenId` of `token`.
    event RoyaltyPaid(address indexed token, uint256 indexed tokenId, address indexed receiver, uint256 amount);
    /// @notice `recipient` was owed the platform fee `amount`.
    event FeePaid(address indexed recipient, uint256 amount);
    /// @notice `amount` was added to `account`'s withdrawable balance (a refund, or a payout it did not accept).
    event Credited(address indexed account, uint256 amount);
    /// @notice `account` withdrew `amount`.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice Listing `listingId` can no longer be sold: the seller cannot deliver.
    event ListingInvalidated(uint256 indexed listingId);
    /// @notice The admin set the platform fee.
    event FeeSet(address indexed recipient, uint256 feeBps);

    /// @notice `token` is neither the PVATwin nor the PVAShares contract this market trades.
    error UnsupportedToken(address token);
    /// @notice Twins are sold one at a time; shares need a quantity of at least one.
    error InvalidQuantity(uint256 quantity);
    /// @notice A price (or reserve, floor) of zero, or a floor not below the start price.
    error InvalidPrice();
    /// @notice A duration outside [MIN_DURATION, MAX_DURATION].
    error InvalidDuration(uint256 duration);
    /// @notice The seller cannot buy from or bid on their own listing.
    error SellerIsBuyer();
    /// @notice The seller already has listing `listingId` of this twin open.
    error AlreadyListed(uint256 listingId);
    /// @notice The listing's seller can still deliver: nothing to invalidate.
    error ListingStillValid(uint256 listingId);
    /// @notice `seller` does not hold the tokens, or has not approved the market.
    error SellerCannotDeliver(address seller);
    /// @notice PVAShares refuses the transfer to `buyer` (see PVAShares.Restriction).
    error SharesRestricted(address buyer, PVAShares.Restriction reason);
    /// @notice No listing `listingId`, or it is of another kind than the call needs.
    error ListingUnknown(uint256 listingId);
    /// @notice Listing `listingId` is no longer active (sold, cancelled or invalid).
    error ListingNotActive(uint256 listingId);
    /// @notice Only the seller may do this.
    error NotSeller(address caller);
    /// @notice `sent` is less than the `required` payment.
    error InsufficientPayment(uint256 required, uint256 sent);
    /// @notice Nothing to withdraw.
    error NothingToWithdraw();
    /// @notice Sending `amount` to `to` failed.
    error TransferFailed(address to, uint256 amount);
    /// @notice `feeBps` above MAX_FEE_BPS, or no recipient for a non-zero fee.
    error InvalidFee(uint256 feeBps);

    constructor(address admin, PVATwin twin_, PVAShares shares_, address feeRecipient_, uint16 feeBps_) {
        twin = twin_;
        shares = shares_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setFee(feeRecipient_, feeBps_);
    }

    // ------------------------------------------------------------- balances

    /// @notice What `account` can withdraw: refunds (outbid bids, overpayments, invalidated
    ///         sales) and payouts that could not be pushed.
    function withdrawable(address account) external view returns (uint256) {
        return _withdrawable[account];
    }

    /// @notice Sends the caller everything credited to them. Works while paused.
    function withdraw() external nonReentrant {
        uint256 amount = _withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        _withdrawable[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        _sendAll(msg.sender, amount);
    }

    /// @notice Marks an active listing whose seller can no longer deliver (token moved,
    ///         approval revoked) as invalid, refunding its high bid (credited). Anyone may call.
    function invalidate(uint256 listingId) external nonReentrant {
        Listing storage listing = _listings[listingId];
        if (listing.status != Status.Active) revert ListingNotActive(listingId);
        if (_sellerCanDeliver(_tokenOf(listing), listing.tokenId, listing.seller, listing.quantity)) revert ListingStillValid(listingId);
        _invalidate(listingId, listing);
    }

    /// @notice Listing `listingId` as stored (status `None` when it does not exist).
    function getListing(uint256 listingId) external view returns (Listing memory) {
        return _listings[listingId];
    }

    // --------------------------------------------------------------- checks

    /// @dev Reverts unless `token` is one of the two traded contracts and `quantity` fits it.
    function _requireTradable(address token, uint256 quantity) internal view {
        if (token == address(twin)) {
            if (quantity != 1) revert InvalidQuantity(quantity);
        } else if (token == address(shares)) {
            if (quantity == 0) revert InvalidQuantity(quantity);
        } else {
            revert UnsupportedToken(token);
        }
    }

    /// @dev Whether `seller` still holds `quantity` of the item and has approved the market.
    function _sellerCanDeliver(address token, uint256 tokenId, address seller, uint256 quantity) internal view returns (bool) {
        if (token == address(twin)) {
            if (twin.ownerOf(tokenId) != seller) return false;
            return twin.isApprovedForAll(seller, address(this)) || twin.getApproved(tokenId) == address(this);
        }
        return shares.balanceOf(seller, tokenId) >= quantity && shares.isApprovedForAll(seller, address(this));
    }

    /// @dev Whether moving the item from `seller` to `buyer` can happen now, asked before any money moves.
    function _checkSale(
        address token,
        uint256 tokenId,
        address seller,
        address buyer,
        uint256 quantity
    ) internal view returns (Failure failure, PVAShares.Restriction reason) {
        if (!_sellerCanDeliver(token, tokenId, seller, quantity)) return (Failure.SellerCannotDeliver, reason);
        if (token == address(twin)) return (Failure.None, reason);
        (bool allowed, PVAShares.Restriction restriction) = shares.canTransfer(seller, buyer, tokenId, quantity);
        if (allowed) return (Failure.None, restriction);
        if (restriction == PVAShares.Restriction.SenderNotEligible || restriction == PVAShares.Restriction.InsufficientBalance) {
            return (Failure.SellerCannotDeliver, restriction);
        }
        return (Failure.Restricted, restriction);
    }

    /// @dev `_checkSale` that reverts (before any money moves) when PVAShares refuses the buyer.
    function _requireBuyerAllowed(
        address token,
        uint256 tokenId,
        address seller,
        address buyer,
        uint256 quantity
    ) internal view returns (Failure failure, PVAShares.Restriction reason) {
        (failure, reason) = _checkSale(token, tokenId, seller, buyer, quantity);
        if (failure == Failure.Restricted) revert SharesRestricted(buyer, reason);
    }

    /// @dev The active listing `listingId` of `kind`; reverts otherwise.
    function _activeListing(uint256 listingId, Kind kind) internal view returns (Listing storage listing) {
        listing = _listings[listingId];
        if (listing.kind != kind) revert ListingUnknown(listingId);
        if (listing.status != Status.Active) revert ListingNotActive(listingId);
    }

    function _requireSeller(Listing storage listing) internal view {
        if (listing.seller != msg.sender) revert NotSeller(msg.sender);
    }

    function _requireDuration(uint256 duration) internal pure {
        if (duration < MIN_DURATION || duration > MAX_DURATION) revert InvalidDuration(duration);
    }

    /// @dev A listing's common terms; the caller adds those of its kind, then `_openListing`.
    function _newListing(Kind kind, uint256 tokenId, uint96 quantity, uint96 price) internal pure returns (Listing memory listing) {
        listing.kind = kind;
        listing.tokenId = tokenId;
        listing.quantity = quantity;
        listing.price = price;
    }

    /// @dev The token contract a listing sells.
    function _tokenOf(Listing storage listing) internal view returns (address) {
        return listing.isShares ? address(shares) : address(twin);
    }

    /// @dev Stores a new active listing of `token` after checking the asset and the seller's approval.
    function _openListing(Listing memory listing, address token) internal returns (uint256 listingId) {
        _requireTradable(token, listing.quantity);
        if (listing.price == 0) revert InvalidPrice();
        if (!_sellerCanDeliver(token, listing.tokenId, msg.sender, listing.quantity)) revert SellerCannotDeliver(msg.sender);
        listingId = _nextListingId++;
        listing.isShares = token == address(shares);
        if (!listing.isShares) {
            uint256 previous = _twinListing[listing.tokenId];
            // The caller owns the twin, so an active listing of theirs is still live.
            if (_listings[previous].status == Status.Active && _listings[previous].seller == msg.sender) revert AlreadyListed(previous);
            _twinListing[listing.tokenId] = listingId;
        }
        listing.seller = msg.sender;
        listing.status = Status.Active;
        listing.startTime = uint64(block.timestamp);
        _listings[listingId] = listing;
        emit Listed(listingId, msg.sender, token, listing.tokenId, listing.kind, listing.quantity, listing.price);
    }

    /// @dev Marks the listing invalid and refunds its standing bid, if any (credited).
    function _invalidate(uint256 listingId, Listing storage listing) internal {
        listing.status = Status.Invalid;
        emit ListingInvalidated(listingId);
        _credit(listing.highBidder, listing.highBid);
    }

    // -------------------------------------------------------------- payment

    /// @dev Moves the item from `seller` to `buyer` (the receiver hook of a contract buyer runs).
    function _deliver(address token, uint256 tokenId, address seller, address buyer, uint256 quantity) internal {
        if (token == address(twin)) twin.safeTransferFrom(seller, buyer, tokenId);
        else shares.safeTransferFrom(seller, buyer, tokenId, quantity, "");
    }

    /// @dev `_deliver` that reports failure instead of reverting (a winner that rejects the token).
    function _tryDeliver(address token, uint256 tokenId, address seller, address buyer, uint256 quantity) internal returns (bool) {
        if (token == address(twin)) {
            try twin.safeTransferFrom(seller, buyer, tokenId) {
                return true;
            } catch {
                return false;
            }
        }
        try shares.safeTransferFrom(seller, buyer, tokenId, quantity, "") {
            return true;
        } catch {
            return false;
        }
    }

    /// @dev Splits `price` into royalty, platform fee and seller proceeds, which always sum to
    ///      `price` (fee and royalty round down; the seller gets the remainder).
    function _payOut(address token, uint256 tokenId, address seller, uint256 price) internal {
        uint256 fee = (price * feeBps) / BPS;
        (address royaltyReceiver, uint256 royalty) = _royalty(token, tokenId, price);
        if (royalty != 0) {
            emit RoyaltyPaid(token, tokenId, royaltyReceiver, royalty);
            _pay(royaltyReceiver, royalty);
        }
        if (fee != 0) {
            emit FeePaid(feeRecipient, fee);
            _pay(feeRecipient, fee);
        }
        _pay(seller, price - fee - royalty);
    }

    /// @dev ERC-2981 of the twin; shares pay the royalty of the twin their offering
    ///      fractionalises. A failing or absent `royaltyInfo` means no royalty.
    function _royalty(address token, uint256 tokenId, uint256 price) internal view returns (address, uint256) {
        uint256 twinId = tokenId;
        if (token == address(shares)) {
            try shares.twinOf(tokenId) returns (uint256 id) {
                twinId = id;
            } catch {
                return (address(0), 0);
            }
        }
        try IERC2981(address(twin)).royaltyInfo(twinId, price) returns (address receiver, uint256 amount) {
            if (receiver == address(0)) return (address(0), 0);
            uint256 cap = (price * MAX_ROYALTY_BPS) / BPS;
            return (receiver, amount > cap ? cap : amount);
        } catch {
            return (address(0), 0);
        }
    }

    /// @dev Pushes `amount` with bounded gas; a recipient that reverts or needs more gas is
    ///      credited instead, so no payee can block a sale.
    function _pay(address to, uint256 amount) internal {
        if (amount == 0) return;
        bool ok;
        uint256 gasLimit = PAYOUT_GAS;
        assembly ("memory-safe") {
            // No return data is copied: a payee cannot make the market pay for a huge one.
            ok := call(gasLimit, to, amount, 0, 0, 0, 0)
        }
        if (!ok) _credit(to, amount);
    }

    /// @dev Refunds are always credited, never pushed.
    function _credit(address to, uint256 amount) internal {
        if (amount == 0) return;
        _withdrawable[to] += amount;
        emit Credited(to, amount);
    }

    /// @dev Sends `amount` to `to`, who asked for it; reverts if they do not accept it.
    function _sendAll(address to, uint256 amount) internal {
        (bool ok, ) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }

    function _setFee(address recipient, uint16 bps) internal {
        if (bps > MAX_FEE_BPS || (bps != 0 && recipient == address(0))) revert InvalidFee(bps);
        feeRecipient = recipient;
        feeBps = bps;
        emit FeeSet(recipient, bps);
    }
}
