// Compiler and chain settings shared by hardhat.config.js and the scripts, so the gas
// report states what was actually used. Loading this file needs no Hardhat runtime.
module.exports = {
  SOLC_SETTINGS: {
    evmVersion: "cancun",
    // Mints and claims run far more often than deployments: favour runtime gas.
    optimizer: { enabled: true, runs: 10_000 },
  },
  // The node runs the same EVM the contracts are compiled for. (Prague/Osaka leave the
  // costs measured here unchanged: no storage, log or precompile pricing changed.)
  HARDFORK: "cancun",
  CHAIN_ID: 31337,
};
