const path = require("path")
const { serverJestConfig } = require("@pva/test-support/server-jest")

// One hardhat node, database and PVA server (following the chain) for every suite.
module.exports = serverJestConfig(__dirname, { globalSetup: path.join(__dirname, "test-support", "global-setup.ts"), maxWorkers: 1 })
