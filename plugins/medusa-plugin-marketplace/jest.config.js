const { serverJestConfig } = require("@pva/test-support/server-jest")
const multiformats = require("../../contracts/jest-multiformats")

// Each test file starts its own hardhat node (PVAMarket deployed), database and PVA Medusa
// server following the chain (test-support/market-stack.ts).
module.exports = serverJestConfig(__dirname, {
  globalSetup: undefined,
  globalTeardown: undefined,
  transform: multiformats.transform,
  moduleNameMapper: multiformats.moduleNameMapper,
  transformIgnorePatterns: multiformats.transformIgnorePatterns,
  maxWorkers: 1,
})
