const { serverJestConfig } = require("@pva/test-support/server-jest")

// Each suite starts a Stripe stand-in and a seeded server pointed at it (STRIPE_API_URL),
// so the shared server of the other workspaces is not needed.
module.exports = serverJestConfig(__dirname, { globalSetup: undefined, globalTeardown: undefined })
