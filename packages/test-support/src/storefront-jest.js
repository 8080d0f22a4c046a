// The jest projects both storefronts run: "components" (jsdom, Testing Library) and "e2e" (browser
// journeys in Chromium against the real stack, set up by the storefront's e2e/global-setup.ts and
// stopped by @pva/test-support/global-teardown). A storefront passes only what is its own.
const path = require("path")

/**
 * @param {string} root the storefront's folder
 * @param {{ roots?: string[], moduleNameMapper?: Record<string, string>, transform?: Record<string, unknown>, transformIgnorePatterns?: string[] }} [components]
 *   added to the components project (more source roots, module mappings, transforms)
 */
function storefrontJestConfig(root, components = {}) {
  const tsJest = ["ts-jest", { tsconfig: path.join(root, "tsconfig.jest.json") }]
  return {
    projects: [
      {
        displayName: "components",
        testEnvironment: "jsdom",
        roots: ["<rootDir>/src", ...(components.roots ?? [])],
        testMatch: ["**/__tests__/**/*.test.ts?(x)"],
        transform: { "^.+\\.tsx?$": tsJest, ...components.transform },
        ...(components.transformIgnorePatterns ? { transformIgnorePatterns: components.transformIgnorePatterns } : {}),
        moduleNameMapper: {
          "^@/(.*)$": "<rootDir>/src/$1",
          "\\.css$": path.join(__dirname, "style-stub.js"),
          ...components.moduleNameMapper,
        },
        setupFilesAfterEnv: ["@testing-library/jest-dom"],
      },
      {
        displayName: "e2e",
        testEnvironment: "node",
        testMatch: ["<rootDir>/e2e/**/*.test.ts"],
        transform: { "^.+\\.tsx?$": tsJest },
        globalSetup: "<rootDir>/e2e/global-setup.ts",
        globalTeardown: require.resolve("./global-teardown.ts"),
      },
    ],
    testTimeout: 180000,
  }
}

module.exports = { storefrontJestConfig }
