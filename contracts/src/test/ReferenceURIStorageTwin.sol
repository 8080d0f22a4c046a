// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// TEST-ONLY: the gas baseline for `npm run gas`. Never deploy outside tests.

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @notice The straightforward design PVATwin is measured against: an EIP-712 voucher
///         carrying the full `ipfs://` URI string, stored with ERC721URIStorage. It has the
///         same checks as PVATwin.claim (pause, deadline, signer role, safe mint), so the
///         gas difference comes from how the metadata reference is stored.
contract ReferenceURIStorageTwin is ERC721URIStorage, EIP712, AccessControl, Pausable {
    struct UriVoucher {
        address to;
        uint256 tokenId;
        string uri;
        uint256 deadline;
    }

    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant URI_VOUCHER_TYPEHASH =
        keccak256("UriVoucher(address to,uint256 tokenId,string uri,uint256 deadline)");

    error Expired();
    error Unauthorized();

    constructor(address admin) ERC721("Reference Twin", "REFT") EIP712("ReferenceURIStorageTwin", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    function claim(UriVoucher calldata voucher, bytes calldata signature) external whenNotPaused {
        if (block.timestamp > voucher.deadline) revert Expired();
        bytes32 digest = _hashTypedDataV4(
            keccak256(
                abi.encode(
                    URI_VOUCHER_TYPEHASH,
                    voucher.to,
                    voucher.tokenId,
                    keccak256(bytes(voucher.uri)),
                    voucher.deadline
                )
            )
        );
        if (!hasRole(MINTER_ROLE, ECDSA.recover(digest, signature))) revert Unauthorized();
        _safeMint(voucher.to, voucher.tokenId);
        _setTokenURI(voucher.tokenId, voucher.uri);
    }

    function supportsInterface(
        bytes4 interfaceId
    ) public view override(ERC721URIStorage, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
