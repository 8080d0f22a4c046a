const path = require("path")
const { serverJestConfig } = require("@pva/test-support/server-jest")

// The plugin is tested inside the real, seeded PVA Medusa server that loads it; the server
// revalidates a storefront that the tests play (test-support/global-setup.ts).
module.exports = serverJestConfig(__dirname, { globalSetup: path.join(__dirname, "test-support", "global-setup.ts") })
