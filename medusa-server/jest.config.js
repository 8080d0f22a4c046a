module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  globalSetup: "<rootDir>/test-support/global-setup.ts",
  globalTeardown: "<rootDir>/test-support/global-teardown.ts",
  testTimeout: 180000,
}
