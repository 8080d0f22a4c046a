// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title CIDv1
/// @notice Renders a 32-byte sha2-256 digest as an IPFS CIDv1 string.
/// @dev The CID is: multibase 'b' (base32, RFC 4648, lower case, no padding) of
///      <cid-version 0x01><codec raw 0x55><multihash sha2-256 0x12><length 0x20><digest>.
///      That is what `ipfs add --cid-version 1 --raw-leaves` prints for a file that fits
///      in one block, so the digest to store is simply sha256(file bytes).
///      The off-chain twin of this code is `lib/cid.ts`; a test keeps them equal.
library CIDv1 {
    bytes32 private constant BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /// @dev CID version, codec, multihash function and multihash length, big-endian.
    uint256 private constant PREFIX = 0x01551220;

    /// @dev 36 bytes (288 bits) need ceil(288 / 5) = 58 base32 characters.
    uint256 private constant ENCODED_LENGTH = 58;

    /// @notice `ipfs://b…` URI for the raw-codec, sha2-256 CIDv1 of `digest`.
    /// @param digest sha2-256 of the content (the metadata JSON file's bytes).
    /// @return uri 66 characters: "ipfs://" + "b" + 58 base32 characters.
    function rawSha256Uri(bytes32 digest) internal pure returns (string memory uri) {
        bytes memory out = new bytes(8 + ENCODED_LENGTH);
        bytes8 scheme = "ipfs://b";
        for (uint256 i; i < 8; ++i) {
            out[i] = scheme[i];
        }

        uint256 buffer;
        uint256 bits;
        uint256 j = 8;
        for (uint256 i; i < 36; ++i) {
            uint256 nextByte = i < 4 ? (PREFIX >> (8 * (3 - i))) & 0xff : uint8(digest[i - 4]);
            // Only the low `bits + 8` bits matter; older bits shifting out of the word is fine.
            buffer = (buffer << 8) | nextByte;
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[j++] = BASE32_ALPHABET[(buffer >> bits) & 31];
            }
        }
        // 288 = 57 * 5 + 3: the last character carries 3 data bits padded with zeros.
        out[j] = BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
        return string(out);
    }
}
