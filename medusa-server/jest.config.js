module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  globalSetup: require.resolve("@pva/test-support/global-setup"),
  globalTeardown: require.resolve("@pva/test-support/global-teardown"),
  testTimeout: 180000,
}
