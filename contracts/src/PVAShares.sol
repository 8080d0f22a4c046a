// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC1155Supply} from "@openzeppelin/contracts/token/ERC1155/extensions/ERC1155Supply.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title PVAShares
/// @notice Fractional shares of PVA twins: one ERC-1155 id per offering, capped at the
///         offering's `maxShares`, held only by compliance-approved (KYC) addresses.
/// @dev Eligibility follows the spirit of ERC-3643: every mint and transfer goes through
///      `_update`, which requires an eligible recipient and an eligible sender, and
///      `canTransfer` explains ahead of time why a movement would fail. An offering may
///      carry a lock-up: until then its holders cannot transfer (mints still work).
contract PVAShares is ERC1155Supply, AccessControl, Pausable, ReentrancyGuardTransient {
    /// @notice Why a mint or transfer is not allowed (`None` when it is).
    enum Restriction {
        None,
        Paused,
        UnknownOffering,
        InvalidRecipient,
        SenderNotEligible,
        RecipientNotEligible,
        InsufficientBalance,
        ExceedsMaxShares,
        LockedUp
    }

    struct Offering {
        uint256 twinTokenId;
        // Never 0 for an existing offering (the minimum is 10), so it doubles as "exists".
        // Packed with the lock-up in one slot: a transfer reads both with one SLOAD.
        uint192 maxShares;
        // Unix time before which holders cannot transfer; 0 = no lock-up. Fixed at creation.
        uint64 lockupUntil;
    }

    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");

    uint256 public constant MIN_SHARES_PER_OFFERING = 10;
    uint256 public constant MAX_SHARES_PER_OFFERING = 10_000;

    mapping(uint256 offeringId => Offering) private _offerings;
    mapping(address account => bool) private _eligible;

    /// @notice Offering `offeringId` fractionalises twin `twinTokenId` into at most `maxShares`.
    event OfferingCreated(uint256 indexed offeringId, uint256 indexed twinTokenId, uint256 maxShares);
    /// @notice Holders of `offeringId` cannot transfer before `lockupUntil` (unix seconds).
    event LockupSet(uint256 indexed offeringId, uint64 lockupUntil);
    /// @notice COMPLIANCE_ROLE approved or revoked `account` as a holder.
    event EligibilitySet(address indexed account, bool eligible);

    /// @notice `offeringId` has been created already.
    error OfferingExists(uint256 offeringId);
    /// @notice No offering `offeringId`.
    error OfferingUnknown(uint256 offeringId);
    /// @notice `maxShares` outside [min, max].
    error MaxSharesOutOfRange(uint256 maxShares, uint256 min, uint256 max);
    /// @notice Minting `requested` would pass the offering's cap; only `available` are left.
    error MaxSharesExceeded(uint256 offeringId, uint256 requested, uint256 available);
    /// @notice `account` is not approved by compliance to receive shares.
    error RecipientNotEligible(address account);
    /// @notice `account` is not (or no longer) approved by compliance to move shares.
    error SenderNotEligible(address account);
    /// @notice Shares of `offeringId` cannot be transferred before `lockupUntil`.
    error SharesLockedUp(uint256 offeringId, uint64 lockupUntil);

    /// @param admin Receives DEFAULT_ADMIN_ROLE (grants roles, URI, pause).
    /// @param uri_ ERC-1155 metadata URI template (`{id}` is replaced by clients).
    constructor(address admin, string memory uri_) ERC1155(uri_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // -------------------------------------------------------------- offerings

    /// @notice Opens offering `offeringId` for twin `twinTokenId`, capped at `maxShares`, its
    ///         holders unable to transfer before `lockupUntil`.
    /// @dev The lock-up is fixed here and never changes: buyers know the terms before the
    ///      first sale, and nobody can shorten (or extend) them afterwards.
    /// @param maxShares_ Between MIN_SHARES_PER_OFFERING and MAX_SHARES_PER_OFFERING inclusive.
    /// @param lockupUntil_ Unix time before which transfers revert; 0 for no lock-up.
    function createOffering(
        uint256 offeringId,
        uint256 twinTokenId,
        uint256 maxShares_,
        uint64 lockupUntil_
    ) external onlyRole(ISSUER_ROLE) {
        if (maxShares_ < MIN_SHARES_PER_OFFERING || maxShares_ > MAX_SHARES_PER_OFFERING) {
            revert MaxSharesOutOfRange(maxShares_, MIN_SHARES_PER_OFFERING, MAX_SHARES_PER_OFFERING);
        }
        if (_offerings[offeringId].maxShares != 0) revert OfferingExists(offeringId);
        _offerings[offeringId] = Offering({twinTokenId: twinTokenId, maxShares: uint192(maxShares_), lockupUntil: lockupUntil_});
        emit OfferingCreated(offeringId, twinTokenId, maxShares_);
        if (lockupUntil_ != 0) emit LockupSet(offeringId, lockupUntil_);
    }

    /// @notice Mints `amount` shares of `offeringId` to the eligible address `to`.
    /// @dev Reverts past the cap, for an unknown offering, while paused, or for an
    ///      ineligible recipient. Guarded against re-entry from the receiver hook.
    function mintShares(address to, uint256 offeringId, uint256 amount) external onlyRole(MINTER_ROLE) nonReentrant {
        uint256 cap = _offerings[offeringId].maxShares;
        if (cap == 0) revert OfferingUnknown(offeringId);
        uint256 available = cap - totalSupply(offeringId);
        if (amount > available) revert MaxSharesExceeded(offeringId, amount, available);
        _mint(to, offeringId, amount, "");
    }

    /// @notice The cap of `offeringId`; 0 when the offering does not exist.
    function maxShares(uint256 offeringId) external view returns (uint256) {
        return _offerings[offeringId].maxShares;
    }

    /// @notice Unix time before which holders of `offeringId` cannot transfer; 0 when none
    ///         (or the offering does not exist).
    function lockupUntil(uint256 offeringId) external view returns (uint64) {
        return _offerings[offeringId].lockupUntil;
    }

    /// @notice The PVATwin token id that `offeringId` fractionalises.
    function twinOf(uint256 offeringId) external view returns (uint256) {
        Offering storage offering = _offerings[offeringId];
        if (offering.maxShares == 0) revert OfferingUnknown(offeringId);
        return offering.twinTokenId;
    }

    // ------------------------------------------------------------- compliance

    /// @notice Approves (KYC passed) or revokes `account` as a holder. A revoked holder keeps
    ///         their shares but can neither receive nor send any until approved again.
    function setEligible(address account, bool eligible) external onlyRole(COMPLIANCE_ROLE) {
        _eligible[account] = eligible;
        emit EligibilitySet(account, eligible);
    }

    /// @notice Whether `account` may hold and move shares.
    function isEligible(address account) external view returns (bool) {
        return _eligible[account];
    }

    /// @notice Whether moving `amount` of `id` from `from` to `to` would succeed, and if not,
    ///         why. `from == address(0)` asks about a mint. Operator approval is not checked.
    /// @dev Mirrors `mintShares` and `_update` exactly (a property test compares them). For
    ///      transfers the offering itself is not looked up: a missing balance already says no.
    function canTransfer(
        address from,
        address to,
        uint256 id,
        uint256 amount
    ) external view returns (bool allowed, Restriction reason) {
        if (paused()) return (false, Restriction.Paused);
        if (to == address(0)) return (false, Restriction.InvalidRecipient);
        if (from == address(0)) {
            uint256 cap = _offerings[id].maxShares;
            if (cap == 0) return (false, Restriction.UnknownOffering);
            if (amount > cap - totalSupply(id)) return (false, Restriction.ExceedsMaxShares);
        } else {
            if (!_eligible[from]) return (false, Restriction.SenderNotEligible);
            if (balanceOf(from, id) < amount) return (false, Restriction.InsufficientBalance);
        }
        if (!_eligible[to]) return (false, Restriction.RecipientNotEligible);
        if (from != address(0) && block.timestamp < _offerings[id].lockupUntil) return (false, Restriction.LockedUp);
        return (true, Restriction.None);
    }

    // ------------------------------------------------------------------ admin

    /// @notice Stops every mint and transfer.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @notice Resumes mints and transfers.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @notice Replaces the ERC-1155 metadata URI template.
    function setURI(string calldata newUri) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setURI(newUri);
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    // --------------------------------------------------------------- internal

    /// @dev The single choke point for mints, transfers (and burns, which nothing exposes).
    ///      The lock-up binds holder-to-holder transfers only: mints (MINTER selling the
    ///      offering) and burns are not transfers between holders.
    function _update(
        address from,
        address to,
        uint256[] memory ids,
        uint256[] memory values
    ) internal override {
        _requireNotPaused();
        if (from != address(0) && !_eligible[from]) revert SenderNotEligible(from);
        if (to != address(0) && !_eligible[to]) revert RecipientNotEligible(to);
        if (from != address(0) && to != address(0)) {
            for (uint256 i = 0; i < ids.length; ++i) {
                uint64 until = _offerings[ids[i]].lockupUntil;
                if (block.timestamp < until) revert SharesLockedUp(ids[i], until);
            }
        }
        super._update(from, to, ids, values);
    }
}
