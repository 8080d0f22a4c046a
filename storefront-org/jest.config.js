const { storefrontJestConfig } = require("@pva/test-support/storefront-jest")

const tsJestJs = ["ts-jest", { tsconfig: { ...require("./tsconfig.jest.json").compilerOptions, allowJs: true, module: "commonjs", moduleResolution: "node" } }]

module.exports = storefrontJestConfig(__dirname, {
  // multiformats ships ES modules only (no "require" condition): mapped to its files and compiled for jest.
  moduleNameMapper: { "^multiformats/(.*)$": "<rootDir>/../node_modules/multiformats/dist/src/$1.js" },
  transform: { "^.+/multiformats/.+\\.js$": tsJestJs },
  transformIgnorePatterns: ["/node_modules/(?!multiformats/)"],
})
