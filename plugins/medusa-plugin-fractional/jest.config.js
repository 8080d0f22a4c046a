const path = require("path")

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.test.json") }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  // One hardhat node, database and PVA server (following the chain) for every suite.
  globalSetup: path.join(__dirname, "test-support", "global-setup.ts"),
  globalTeardown: require.resolve("@pva/test-support/global-teardown"),
  maxWorkers: 1,
  testTimeout: 180000,
}
