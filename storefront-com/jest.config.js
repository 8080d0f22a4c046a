const { storefrontJestConfig } = require("@pva/test-support/storefront-jest")

module.exports = storefrontJestConfig(__dirname, {
  roots: ["<rootDir>/../packages/storefront-core/src"],
  // tsconfig.jest.json resolves like Node 10, without package "exports" subpaths.
  moduleNameMapper: { "^@pva/storefront-core/session$": "<rootDir>/../packages/storefront-core/src/session.ts" },
})
