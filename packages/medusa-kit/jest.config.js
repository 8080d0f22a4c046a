module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true, esModuleInterop: true } }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
}
