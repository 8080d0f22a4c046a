const path = require("path")
const base = require("../jest.config")

module.exports = { ...base, rootDir: path.join(__dirname, ".."), testMatch: ["<rootDir>/bench/**/*.bench.ts"], testTimeout: 3_600_000 }
