#!/usr/bin/env node
// Optional developer check (`npm run mutants`, several minutes): removes one contract check
// at a time, recompiles, and runs the tests meant to catch it. Every mutant must make at
// least one of those tests fail; a surviving mutant means a check is untested.
// Sources are restored after each mutant (and on Ctrl-C).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const TWIN = "src/PVATwin.sol";
const SHARES = "src/PVAShares.sol";
const CID = "src/lib/CIDv1.sol";
const MARKET = "src/PVAMarket.sol";
const SETTLEMENT = "src/market/MarketSettlement.sol";
const LISTINGS = "src/market/MarketListings.sol";
const AUCTIONS = "src/market/MarketAuctions.sol";
const OFFERS = "src/market/MarketOffers.sol";

/** [name, file, exact text to replace, replacement, test files expected to catch it] */
const MUTANTS = [
  ["claim: pause check", TWIN, "bytes calldata signature) external whenNotPaused nonReentrant {", "bytes calldata signature) external nonReentrant {", ["claim-voucher"]],
  ["claim: deadline check", TWIN, "if (block.timestamp > voucher.deadline) revert ClaimExpired(voucher.deadline, block.timestamp);", "", ["claim-voucher"]],
  ["claim: signer role check", TWIN, "if (!hasRole(MINTER_ROLE, signer)) revert ClaimSignerUnauthorized(signer);", "", ["claim-voucher", "claim-voucher-replay"]],
  [
    "claim: plain ecrecover (no low-s rule)",
    TWIN,
    `(address signer, ECDSA.RecoverError err, bytes32 errArg) = ECDSA.tryRecoverCalldata(
            hashClaimVoucher(voucher),
            signature
        );`,
    `address signer = ecrecover(hashClaimVoucher(voucher), uint8(signature[64]), bytes32(signature[0:32]), bytes32(signature[32:64]));
        ECDSA.RecoverError err = signer == address(0) ? ECDSA.RecoverError.InvalidSignature : ECDSA.RecoverError.NoError;
        bytes32 errArg;`,
    ["claim-signature-malleability"],
  ],
  ["claim: reentrancy guard", TWIN, "bytes calldata signature) external whenNotPaused nonReentrant {", "bytes calldata signature) external whenNotPaused {", ["reentrancy"]],
  ["mint: already-minted check", TWIN, "if (_update(to, tokenId, address(0)) != address(0)) revert TwinAlreadyMinted(tokenId);", "_update(to, tokenId, address(0));", ["claim-voucher-replay", "custodial-mint"]],
  ["mint: zero digest check", TWIN, "if (digest == bytes32(0)) revert MetadataDigestZero();", "", ["custodial-mint", "claim-voucher"]],
  ["mint: zero address check", TWIN, "if (to == address(0)) revert ERC721InvalidReceiver(address(0));", "", ["custodial-mint", "claim-voucher"]],
  ["mintTo: role check", TWIN, ") external onlyRole(MINTER_ROLE) whenNotPaused nonReentrant {", ") external whenNotPaused nonReentrant {", ["roles"]],
  ["mintTo: pause check", TWIN, ") external onlyRole(MINTER_ROLE) whenNotPaused nonReentrant {", ") external onlyRole(MINTER_ROLE) nonReentrant {", ["custodial-mint"]],
  ["mintTo: reentrancy guard", TWIN, ") external onlyRole(MINTER_ROLE) whenNotPaused nonReentrant {", ") external onlyRole(MINTER_ROLE) whenNotPaused {", ["reentrancy"]],
  ["attest: role check", TWIN, "bytes32 dataHash) external onlyRole(ATTESTER_ROLE) {", "bytes32 dataHash) external {", ["roles"]],
  ["attest: token must exist", TWIN, "_requireOwned(tokenId);\n        emit Attested", "emit Attested", ["attestations"]],
  ["royalty: admin check", TWIN, "function setDefaultRoyalty(address receiver, uint96 feeNumerator) external onlyRole(DEFAULT_ADMIN_ROLE) {", "function setDefaultRoyalty(address receiver, uint96 feeNumerator) external {", ["roles"]],
  ["pause: admin check", TWIN, "function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {", "function pause() external {", ["roles"]],
  ["tokenURI: codec (raw -> dag-pb)", CID, "uint256 private constant PREFIX = 0x01551220;", "uint256 private constant PREFIX = 0x01701220;", ["token-uri-cid"]],
  ["tokenURI: last base32 character", CID, "out[j] = BASE32_ALPHABET[(buffer << (5 - bits)) & 31];", "out[j] = BASE32_ALPHABET[(buffer >> (5 - bits)) & 31];", ["token-uri-cid"]],
  ["createOffering: role check", SHARES, "uint64 lockupUntil_\n    ) external onlyRole(ISSUER_ROLE) {", "uint64 lockupUntil_\n    ) external {", ["roles"]],
  ["createOffering: lower bound", SHARES, "maxShares_ < MIN_SHARES_PER_OFFERING || ", "", ["shares-offerings"]],
  ["createOffering: upper bound", SHARES, " || maxShares_ > MAX_SHARES_PER_OFFERING) {", ") {", ["shares-offerings"]],
  ["createOffering: duplicate id", SHARES, "if (_offerings[offeringId].maxShares != 0) revert OfferingExists(offeringId);", "", ["shares-offerings"]],
  ["mintShares: role check", SHARES, "uint256 amount) external onlyRole(MINTER_ROLE) nonReentrant {", "uint256 amount) external nonReentrant {", ["roles"]],
  ["mintShares: reentrancy guard", SHARES, "uint256 amount) external onlyRole(MINTER_ROLE) nonReentrant {", "uint256 amount) external onlyRole(MINTER_ROLE) {", ["reentrancy"]],
  ["mintShares: unknown offering", SHARES, "if (cap == 0) revert OfferingUnknown(offeringId);\n        uint256 available", "uint256 available", ["shares-offerings"]],
  ["mintShares: cap", SHARES, "if (amount > available) revert MaxSharesExceeded(offeringId, amount, available);", "", ["shares-offerings", "shares-supply.property"]],
  ["twinOf: unknown offering", SHARES, "if (offering.maxShares == 0) revert OfferingUnknown(offeringId);", "", ["shares-offerings"]],
  ["setEligible: role check", SHARES, "bool eligible) external onlyRole(COMPLIANCE_ROLE) {", "bool eligible) external {", ["roles"]],
  ["transfers: recipient eligibility", SHARES, "if (to != address(0) && !_eligible[to]) revert RecipientNotEligible(to);", "", ["shares-compliance", "shares-supply.property"]],
  ["transfers: sender eligibility", SHARES, "if (from != address(0) && !_eligible[from]) revert SenderNotEligible(from);", "", ["shares-compliance", "shares-supply.property"]],
  ["transfers: lock-up", SHARES, "if (block.timestamp < until) revert SharesLockedUp(ids[i], until);", "", ["shares-lockup"]],
  ["transfers: pause", SHARES, "        _requireNotPaused();\n        if (from", "        if (from", ["shares-compliance"]],
  ["market buy: maximum price", LISTINGS, "if (unitPrice > maxUnitPrice) revert PriceAboveMax(unitPrice, maxUnitPrice);", "", ["market-fixed-price", "market-dutch-auction"]],
  ["market buy: payment", LISTINGS, "if (msg.value < total) revert InsufficientPayment(total, msg.value);", "", ["market-fixed-price", "market-dutch-auction"]],
  ["market buy: quantity", LISTINGS, "if (quantity == 0 || quantity > listing.quantity) revert QuantityUnavailable(quantity, listing.quantity);", "", ["market-fixed-price"]],
  ["market buy: pause", LISTINGS, "uint256 maxUnitPrice) external payable whenNotPaused nonReentrant {", "uint256 maxUnitPrice) external payable nonReentrant {", ["market-fixed-price"]],
  ["market buy: reentrancy guard", LISTINGS, "uint256 maxUnitPrice) external payable whenNotPaused nonReentrant {", "uint256 maxUnitPrice) external payable whenNotPaused {", ["market-payouts"]],
  ["market buy: invalid listing credits the payment", LISTINGS, "_invalidate(listingId, listing);\n            _credit(msg.sender, msg.value);", "_invalidate(listingId, listing);", ["market-fixed-price"]],
  ["market buy: excess credited", LISTINGS, "_credit(msg.sender, msg.value - total);", "", ["market-fixed-price", "market-dutch-auction"]],
  ["market dutch: decay", LISTINGS, "return listing.price - drop;", "return listing.price;", ["market-dutch-auction"]],
  ["market: buyer restrictions", SETTLEMENT, "if (failure == Failure.Restricted) revert SharesRestricted(buyer, reason);", "", ["market-shares-compliance"]],
  ["market: twin owner check", SETTLEMENT, "if (twin.ownerOf(tokenId) != seller) return false;", "", ["market-fixed-price"]],
  ["market: twin approval check", SETTLEMENT, "return twin.isApprovedForAll(seller, address(this)) || twin.getApproved(tokenId) == address(this);", "return true;", ["market-fixed-price"]],
  ["market: one live listing per twin", SETTLEMENT, "if (_listings[previous].status == Status.Active && _listings[previous].seller == msg.sender) revert AlreadyListed(previous);", "", ["market-fixed-price"]],
  ["market: royalty cap", SETTLEMENT, "return (receiver, amount > cap ? cap : amount);", "return (receiver, amount);", ["market-payouts"]],
  ["market: failed payout credited", SETTLEMENT, "if (!ok) _credit(to, amount);", "if (!ok) revert TransferFailed(to, amount);", ["market-payouts"]],
  ["market: invalidation refunds the standing bid", SETTLEMENT, "_credit(listing.highBidder, listing.highBid);", "", ["market-english-auction", "market-shares-compliance"]],
  ["market: fee maximum", SETTLEMENT, "if (bps > MAX_FEE_BPS || ", "if (", ["market-fixed-price", "market-payouts"]],
  ["market: setFee admin", MARKET, "function setFee(address recipient, uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {", "function setFee(address recipient, uint16 bps) external {", ["market-fixed-price"]],
  ["market: pause admin", MARKET, "function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {", "function pause() external {", ["market-fixed-price"]],
  ["market auction: minimum bid", AUCTIONS, "if (msg.value < minimum) revert BidTooLow(minimum, msg.value);", "", ["market-english-auction", "market-same-block"]],
  ["market auction: increment rounds up", AUCTIONS, "(standing * listing.minIncrementBps + BPS - 1) / BPS", "(standing * listing.minIncrementBps) / BPS", ["market-english-auction"]],
  ["market auction: anti-sniping", AUCTIONS, "} else if (endTime - block.timestamp < listing.extensionWindow) {", "} else if (false) {", ["market-english-auction"]],
  ["market auction: outbid bidder credited", AUCTIONS, "_credit(outbid, outbidAmount);", "", ["market-english-auction"]],
  ["market auction: no bid after the end", AUCTIONS, "if (endTime != 0 && block.timestamp >= endTime) revert AuctionEnded(listingId, endTime);", "", ["market-english-auction"]],
  ["market auction: no settlement before the end", AUCTIONS, "if (endTime == 0 || block.timestamp < endTime) revert AuctionNotEnded(listingId, endTime);", "", ["market-english-auction"]],
  ["market auction: no cancel once a bid stands", AUCTIONS, "if (listing.highBidder != address(0)) revert BidStands(listingId);", "", ["market-english-auction"]],
  ["market auction: winner rejecting the token", AUCTIONS, "if (_tryDeliver(token, tokenId, seller, winner, quantity)) {", "_deliver(token, tokenId, seller, winner, quantity);\n            {", ["market-english-auction"]],
  ["market offers: expiry", OFFERS, "if (block.timestamp > offer.expiresAt) revert OfferExpired(offerId, offer.expiresAt);", "", ["market-offers"]],
  ["market offers: only the bidder withdraws", OFFERS, "if (offer.bidder != msg.sender) revert NotBidder(msg.sender);", "", ["market-offers"]],
  ["market offers: twin in a live auction", OFFERS, "revert TwinInAuction(listingId);", "", ["market-offers"]],
  ["market offers: bidder must be able to hold shares", OFFERS, "if (reason != PVAShares.Restriction.None) revert SharesRestricted(bidder, reason);", "", ["market-offers", "market-shares-compliance"]],
];

const originals = new Map();
function restore() {
  for (const [file, text] of originals) fs.writeFileSync(path.join(ROOT, file), text);
}
process.on("SIGINT", () => {
  restore();
  process.exit(130);
});

function run(cmd, args) {
  return spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
}

const only = process.argv[2];
const results = [];
try {
  for (const [name, file, from, to, tests] of MUTANTS) {
    if (only && !name.includes(only)) continue;
    const full = path.join(ROOT, file);
    const text = originals.get(file) ?? fs.readFileSync(full, "utf8");
    originals.set(file, text);
    if (text.split(from).length !== 2) throw new Error(`mutant "${name}": pattern not found exactly once in ${file}`);
    fs.writeFileSync(full, text.replace(from, to));

    const compiled = run(process.execPath, [require.resolve("hardhat/internal/cli/bootstrap.js"), "compile", "--quiet"]);
    let verdict;
    if (compiled.status !== 0) {
      verdict = "compile error (mutant invalid)";
    } else {
      const jest = run(process.execPath, [require.resolve("jest/bin/jest"), ...tests.map((t) => `__tests__/${t}.test.ts`)]);
      const failed = /Tests:\s+(\d+) failed/.exec(jest.stderr)?.[1];
      verdict = jest.status !== 0 && failed ? `killed (${failed} failing)` : "SURVIVED";
    }
    fs.writeFileSync(full, text);
    results.push([name, verdict]);
    console.log(`${verdict.padEnd(32)} ${name}`);
  }
} finally {
  restore();
  run(process.execPath, [require.resolve("hardhat/internal/cli/bootstrap.js"), "compile", "--quiet"]);
}
const bad = results.filter(([, v]) => !v.startsWith("killed"));
console.log(`\n${results.length - bad.length} of ${results.length} mutants killed`);
process.exit(bad.length ? 1 : 0);
