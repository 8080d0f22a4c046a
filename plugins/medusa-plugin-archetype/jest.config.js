const path = require("path")

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.test.json") }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  // The plugin is tested inside the real, seeded PVA Medusa server that loads it.
  globalSetup: require.resolve("@pva/test-support/global-setup"),
  globalTeardown: require.resolve("@pva/test-support/global-teardown"),
  testTimeout: 180000,
}
