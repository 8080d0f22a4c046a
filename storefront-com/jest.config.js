const path = require("path")

const tsJest = ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.jest.json") }]
const moduleNameMapper = {
  "^@/(.*)$": "<rootDir>/src/$1",
  // tsconfig.jest.json resolves like Node 10, without package "exports" subpaths.
  "^@pva/storefront-core/session$": "<rootDir>/../packages/storefront-core/src/session.ts",
  "\\.css$": "<rootDir>/e2e/style-stub.js",
}

module.exports = {
  projects: [
    {
      displayName: "components",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/src", "<rootDir>/../packages/storefront-core/src"],
      testMatch: ["**/__tests__/**/*.test.ts?(x)"],
      transform: { "^.+\\.tsx?$": tsJest },
      moduleNameMapper,
      setupFilesAfterEnv: ["<rootDir>/jest.setup-components.js"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/e2e/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      globalSetup: "<rootDir>/e2e/global-setup.ts",
      globalTeardown: "<rootDir>/e2e/global-teardown.ts",
    },
  ],
  testTimeout: 180000,
}
