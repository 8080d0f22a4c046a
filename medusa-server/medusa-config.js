// Medusa reads this file; the logic lives in TypeScript so it is typed and tested.
const { readServerEnv } = require("./dist/config/env")
const { buildMedusaConfig } = require("./dist/config/medusa-config")

module.exports = buildMedusaConfig(readServerEnv(process.env))
