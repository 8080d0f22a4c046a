// The jest config of every server-side workspace (medusa-server and the plugins): TypeScript
// through ts-jest with the workspace's tsconfig.test.json, tests in src/**/__tests__, and by
// default the real, seeded PVA Medusa server that loads every plugin (global-setup.ts).
// A workspace passes only what is its own (another setup, a hardhat node per file, mappings).
const path = require("path")

/**
 * @param {string} root the workspace's folder
 * @param {import("jest").Config} [own] replaces or adds to the defaults (e.g. `globalSetup`)
 * @returns {import("jest").Config}
 */
function serverJestConfig(root, own = {}) {
  const { transform, ...rest } = own
  const config = {
    testEnvironment: "node",
    transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: path.join(root, "tsconfig.test.json") }], ...transform },
    testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
    globalSetup: require.resolve("./global-setup.ts"),
    globalTeardown: require.resolve("./global-teardown.ts"),
    testTimeout: 180000,
    ...rest,
  }
  // `globalSetup: undefined` says "none": each file starts what it needs.
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key]
  return config
}

module.exports = { serverJestConfig }
