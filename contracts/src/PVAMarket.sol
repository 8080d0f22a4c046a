// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PVATwin} from "./PVATwin.sol";
import {PVAShares} from "./PVAShares.sol";
import {MarketSettlement} from "./market/MarketSettlement.sol";
import {MarketListings} from "./market/MarketListings.sol";
import {MarketAuctions} from "./market/MarketAuctions.sol";
import {MarketOffers} from "./market/MarketOffers.sol";

/// @title PVAMarket
/// @notice Secondary market for PVATwin tokens and PVAShares, paid in the chain's native
///         currency: fixed-price listings, Dutch and English auctions, and escrowed offers.
///         Every sale pays the ERC-2981 royalty (capped at MAX_ROYALTY_BPS), the platform fee
///         (at most MAX_FEE_BPS) and the rest to the seller; refunds and payouts a recipient
///         does not accept are credited and withdrawn with `withdraw` (pull).
/// @dev The sale types live in market/*.sol; this contract adds the admin surface.
contract PVAMarket is MarketListings, MarketAuctions, MarketOffers {
    /// @param admin Receives DEFAULT_ADMIN_ROLE (fee, pause).
    /// @param twin_ The PVATwin contract whose tokens are traded.
    /// @param shares_ The PVAShares contract whose shares are traded.
    /// @param feeRecipient_ Receives the platform fee.
    /// @param feeBps_ Platform fee in basis points, at most MAX_FEE_BPS.
    constructor(
        address admin,
        PVATwin twin_,
        PVAShares shares_,
        address feeRecipient_,
        uint16 feeBps_
    ) MarketSettlement(admin, twin_, shares_, feeRecipient_, feeBps_) {}

    /// @notice Sets the platform fee for sales from now on.
    function setFee(address recipient, uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setFee(recipient, bps);
    }

    /// @notice Stops listing, buying, bidding, settling and offers. Cancelling, withdrawing
    ///         offers and withdrawing balances keep working.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @notice Resumes trading.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }
}
