const { serverJestConfig } = require("@pva/test-support/server-jest")

module.exports = serverJestConfig(__dirname)
