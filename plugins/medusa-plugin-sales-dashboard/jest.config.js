const { serverJestConfig } = require("@pva/test-support/server-jest")

// The plugin is tested inside the real, seeded PVA Medusa server that loads it.
module.exports = serverJestConfig(__dirname, { maxWorkers: 1 })
