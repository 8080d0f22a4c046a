const { serverJestConfig } = require("@pva/test-support/server-jest")
const multiformats = require("../../contracts/jest-multiformats")

// Each test file starts its own hardhat node, database and PVA Medusa server (test-support/twin-stack.ts).
module.exports = serverJestConfig(__dirname, {
  globalSetup: undefined,
  globalTeardown: undefined,
  transform: multiformats.transform,
  // claim-flow.test.ts reads CIDs with @pva/contracts in-process.
  moduleNameMapper: multiformats.moduleNameMapper,
  transformIgnorePatterns: multiformats.transformIgnorePatterns,
  maxWorkers: 1,
})
