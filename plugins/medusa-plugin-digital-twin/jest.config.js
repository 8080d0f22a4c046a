const path = require("path")
const multiformats = require("../../contracts/jest-multiformats")

/** Each test file starts its own hardhat node, database and PVA Medusa server (test-support/twin-stack.ts). */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.test.json") }], ...multiformats.transform },
  // claim-flow.test.ts reads CIDs with @pva/contracts in-process.
  moduleNameMapper: multiformats.moduleNameMapper,
  transformIgnorePatterns: multiformats.transformIgnorePatterns,
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  maxWorkers: 1,
  testTimeout: 180000,
}
