/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  // Each file starts its own hardhat node and database; files run one at a time (2 cores).
  maxWorkers: 1,
  testTimeout: 120_000,
}
