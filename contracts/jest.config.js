const multiformats = require("./jest-multiformats");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // tsconfig.json sets isolatedModules, so ts-jest only transpiles (fast); types are
    // checked once for the whole workspace by `npm run typecheck`, which `npm test` runs.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
    ...multiformats.transform,
  },
  moduleNameMapper: multiformats.moduleNameMapper,
  transformIgnorePatterns: multiformats.transformIgnorePatterns,
  globalSetup: "<rootDir>/__tests__/setup/global-setup.js",
  globalTeardown: "<rootDir>/__tests__/setup/global-teardown.js",
  // One shared chain: files must not run concurrently (evm_snapshot / evm_revert, time travel).
  maxWorkers: 1,
  testTimeout: 60_000,
};
