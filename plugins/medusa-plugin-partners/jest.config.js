const { serverJestConfig } = require("@pva/test-support/server-jest")

// The plugin is tested inside the real, seeded PVA Medusa server that loads it; suites that
// need webhook receivers on loopback start a server of their own (test-support/partner-harness.ts).
module.exports = serverJestConfig(__dirname)
