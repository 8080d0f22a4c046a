module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  testTimeout: 180000,
}
