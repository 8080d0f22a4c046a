const path = require("path")

/** Each test file starts its own hardhat node, database and PVA Medusa server (test-support/twin-stack.ts). */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.test.json") }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  maxWorkers: 1,
  testTimeout: 180000,
}
