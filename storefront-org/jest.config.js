const path = require("path")

const tsJest = ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.jest.json") }]
const tsJestJs = ["ts-jest", { tsconfig: { ...require("./tsconfig.jest.json").compilerOptions, allowJs: true, module: "commonjs", moduleResolution: "node" } }]
const moduleNameMapper = {
  "^@/(.*)$": "<rootDir>/src/$1",
  "\\.css$": "<rootDir>/e2e/style-stub.js",
  "^multiformats/(.*)$": "<rootDir>/../node_modules/multiformats/dist/src/$1.js",
}

module.exports = {
  projects: [
    {
      displayName: "components",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/src"],
      testMatch: ["**/__tests__/**/*.test.ts?(x)"],
      // multiformats ships ES modules only (no "require" condition): mapped to its files and compiled for jest.
      transform: { "^.+\\.tsx?$": tsJest, "^.+/multiformats/.+\\.js$": tsJestJs },
      transformIgnorePatterns: ["/node_modules/(?!multiformats/)"],
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
