// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// TEST-ONLY. Never deploy outside tests.

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

/// @notice A contract that trades on PVAMarket (seller, bidder, buyer, royalty or fee
///         receiver) and misbehaves on demand when it receives ether or tokens: accept,
///         revert, or call back into a target once and record what happened.
contract MarketActor is IERC721Receiver, IERC1155Receiver {
    enum Mode {
        Accept,
        Reject,
        Reenter
    }

    Mode public onEther;
    Mode public onToken;
    address public target;
    bytes public payload;
    bool public attempted;
    bool public reentrySucceeded;
    bytes public reentryRevertData;

    /// @notice How to react to ether and to tokens; `Reenter` calls `target_` with `payload_` once.
    function configure(Mode onEther_, Mode onToken_, address target_, bytes calldata payload_) external {
        onEther = onEther_;
        onToken = onToken_;
        target = target_;
        payload = payload_;
        attempted = false;
        reentrySucceeded = false;
        delete reentryRevertData;
    }

    /// @notice Calls `to` with `data` and `msg.value`, bubbling up a revert.
    function execute(address to, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call{value: msg.value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    receive() external payable {
        _react(onEther);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        _react(onToken);
        return IERC721Receiver.onERC721Received.selector;
    }

    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external returns (bytes4) {
        _react(onToken);
        return IERC1155Receiver.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(address, address, uint256[] calldata, uint256[] calldata, bytes calldata) external returns (bytes4) {
        _react(onToken);
        return IERC1155Receiver.onERC1155BatchReceived.selector;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC1155Receiver).interfaceId ||
            interfaceId == type(IERC721Receiver).interfaceId ||
            interfaceId == type(IERC165).interfaceId;
    }

    function _react(Mode mode) private {
        if (mode == Mode.Reject) revert("MarketActor: rejected");
        if (mode != Mode.Reenter || attempted) return;
        attempted = true;
        (bool ok, bytes memory ret) = target.call(payload);
        reentrySucceeded = ok;
        if (!ok) reentryRevertData = ret;
    }
}
