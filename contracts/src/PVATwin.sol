// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {CIDv1} from "./lib/CIDv1.sol";

/// @title PVATwin
/// @notice One ERC-721 token per serialized physical PVA piece. Buyers claim their twin with
///         an EIP-712 voucher signed by a minter; the custodial path mints directly.
/// @dev Metadata is stored as the 32-byte sha2-256 digest of the metadata JSON file, and
///      `tokenURI` renders it as an `ipfs://` CIDv1 (raw codec). See contracts/README.md.
contract PVATwin is ERC721, ERC2981, EIP712, AccessControl, Pausable, ReentrancyGuardTransient {
    /// @notice What a minter signs so that `to` can receive `tokenId` until `deadline`.
    /// @param to Recipient of the twin; the only address the token can go to.
    /// @param tokenId Serial of the physical piece.
    /// @param metadataDigest sha2-256 of the metadata JSON (see `tokenURI`).
    /// @param deadline Last block timestamp (inclusive) at which the voucher is valid.
    struct ClaimVoucher {
        address to;
        uint256 tokenId;
        bytes32 metadataDigest;
        uint256 deadline;
    }

    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant ATTESTER_ROLE = keccak256("ATTESTER_ROLE");

    /// @notice EIP-712 type hash of {ClaimVoucher}; `lib/voucher.ts` holds the same definition.
    bytes32 public constant CLAIM_VOUCHER_TYPEHASH =
        keccak256("ClaimVoucher(address to,uint256 tokenId,bytes32 metadataDigest,uint256 deadline)");

    mapping(uint256 tokenId => bytes32 digest) private _metadataDigests;

    /// @notice A voucher was redeemed: `tokenId` was minted to `to`.
    event Claimed(uint256 indexed tokenId, address indexed to);

    /// @notice A provenance record (appraisal, service, ...) about `tokenId`; the record
    ///         itself lives off-chain and is identified by `dataHash`.
    event Attested(uint256 indexed tokenId, bytes32 indexed kind, bytes32 dataHash, address indexed attester);

    /// @notice The voucher's deadline is before the current block's timestamp.
    error ClaimExpired(uint256 deadline, uint256 timestamp);
    /// @notice The signature is not a 65-byte signature that recovers to an address.
    error ClaimSignatureInvalid();
    /// @notice The signature's `s` is in the upper half of the curve order (EIP-2). Its
    ///         low-s twin may be valid, but we accept exactly one encoding per signature.
    error ClaimSignatureMalleable(bytes32 s);
    /// @notice The voucher was signed by `signer`, who does not hold MINTER_ROLE. This is also
    ///         what a voucher signed for another chain or another contract looks like, since
    ///         the EIP-712 domain is part of the signed digest.
    error ClaimSignerUnauthorized(address signer);
    /// @notice `tokenId` exists already: every serial is minted at most once.
    error TwinAlreadyMinted(uint256 tokenId);
    /// @notice A zero digest would point `tokenURI` at no real content.
    error MetadataDigestZero();

    /// @param admin Receives DEFAULT_ADMIN_ROLE (grants roles, royalties, pause).
    constructor(address admin) ERC721("PVA Twin", "PVAT") EIP712("PVATwin", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ---------------------------------------------------------------- minting

    /// @notice Redeems a minter-signed voucher. Anyone may send the transaction (e.g. a
    ///         relayer paying gas); the token always goes to `voucher.to`.
    /// @dev A voucher is single-use because its `tokenId` can be minted only once.
    /// @param voucher The signed voucher.
    /// @param signature 65-byte ECDSA signature (r, s, v) of the voucher's EIP-712 digest.
    function claim(ClaimVoucher calldata voucher, bytes calldata signature) external whenNotPaused nonReentrant {
        if (block.timestamp > voucher.deadline) revert ClaimExpired(voucher.deadline, block.timestamp);

        address signer = _recoverVoucherSigner(voucher, signature);
        if (!hasRole(MINTER_ROLE, signer)) revert ClaimSignerUnauthorized(signer);

        _mintTwin(voucher.to, voucher.tokenId, voucher.metadataDigest);
        emit Claimed(voucher.tokenId, voucher.to);
        _checkReceiver(voucher.to, voucher.tokenId);
    }

    /// @notice Custodial / gasless path: a minter mints `tokenId` to `to` directly.
    /// @param to Recipient.
    /// @param tokenId Serial of the physical piece.
    /// @param metadataDigest sha2-256 of the metadata JSON.
    function mintTo(
        address to,
        uint256 tokenId,
        bytes32 metadataDigest
    ) external onlyRole(MINTER_ROLE) whenNotPaused nonReentrant {
        _mintTwin(to, tokenId, metadataDigest);
        _checkReceiver(to, tokenId);
    }

    /// @notice EIP-712 digest of `voucher` under this contract's domain: what a minter signs.
    function hashClaimVoucher(ClaimVoucher calldata voucher) public view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(
                        CLAIM_VOUCHER_TYPEHASH,
                        voucher.to,
                        voucher.tokenId,
                        voucher.metadataDigest,
                        voucher.deadline
                    )
                )
            );
    }

    // --------------------------------------------------------------- metadata

    /// @notice `ipfs://<CIDv1>` of the token's metadata (raw codec, sha2-256 multihash).
    /// @dev Reverts with ERC721NonexistentToken for unminted tokens.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return CIDv1.rawSha256Uri(_metadataDigests[tokenId]);
    }

    /// @notice The stored sha2-256 digest of the token's metadata JSON.
    function metadataDigestOf(uint256 tokenId) external view returns (bytes32) {
        _requireOwned(tokenId);
        return _metadataDigests[tokenId];
    }

    // ------------------------------------------------------------- provenance

    /// @notice Records a provenance event (appraisal, service, ...) about an existing twin.
    /// @param tokenId The twin concerned.
    /// @param kind Free-form label, e.g. keccak256("APPRAISAL") or a short string in bytes32.
    /// @param dataHash Hash of the off-chain record.
    function attest(uint256 tokenId, bytes32 kind, bytes32 dataHash) external onlyRole(ATTESTER_ROLE) {
        _requireOwned(tokenId);
        emit Attested(tokenId, kind, dataHash, _msgSender());
    }

    // -------------------------------------------------------------- royalties

    /// @notice Sets the ERC-2981 royalty used by every token without its own override.
    /// @param feeNumerator In basis points (denominator 10,000).
    function setDefaultRoyalty(address receiver, uint96 feeNumerator) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDefaultRoyalty(receiver, feeNumerator);
    }

    /// @notice Removes the default royalty.
    function deleteDefaultRoyalty() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _deleteDefaultRoyalty();
    }

    /// @notice Overrides the royalty of one token.
    function setTokenRoyalty(
        uint256 tokenId,
        address receiver,
        uint96 feeNumerator
    ) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTokenRoyalty(tokenId, receiver, feeNumerator);
    }

    /// @notice Drops a token's override so the default royalty applies again.
    function resetTokenRoyalty(uint256 tokenId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _resetTokenRoyalty(tokenId);
    }

    // ------------------------------------------------------------------ pause

    /// @notice Stops `claim` and `mintTo`. Transfers of existing twins stay possible: owners
    ///         keep control of what they hold.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @notice Resumes `claim` and `mintTo`.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @inheritdoc ERC721
    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721, ERC2981, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    // --------------------------------------------------------------- internal

    function _recoverVoucherSigner(
        ClaimVoucher calldata voucher,
        bytes calldata signature
    ) private view returns (address) {
        (address signer, ECDSA.RecoverError err, bytes32 errArg) = ECDSA.tryRecoverCalldata(
            hashClaimVoucher(voucher),
            signature
        );
        if (err == ECDSA.RecoverError.InvalidSignatureS) revert ClaimSignatureMalleable(errArg);
        if (err != ECDSA.RecoverError.NoError) revert ClaimSignatureInvalid();
        return signer;
    }

    /// @dev State changes only; the receiver hook runs afterwards (checks-effects-interactions).
    function _mintTwin(address to, uint256 tokenId, bytes32 digest) private {
        if (digest == bytes32(0)) revert MetadataDigestZero();
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        _metadataDigests[tokenId] = digest;
        if (_update(to, tokenId, address(0)) != address(0)) revert TwinAlreadyMinted(tokenId);
    }

    /// @dev Same acceptance check as `_safeMint`, split out so events precede the external call.
    function _checkReceiver(address to, uint256 tokenId) private {
        ERC721Utils.checkOnERC721Received(_msgSender(), address(0), to, tokenId, "");
    }
}
