// One lint configuration for every workspace. `npm run lint` runs it with Prettier's check and
// each workspace's strict type check; `npm test` runs lint first, so CI fails on any of them.
import js from "@eslint/js"
import nextPlugin from "@next/eslint-plugin-next"
import prettier from "eslint-config-prettier"
import react from "eslint-plugin-react"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"
import { anyBacklog } from "./eslint.any-backlog.mjs"

const storefronts = ["storefront-com", "storefront-org"]
const reactFiles = [
  "storefront-com/**/*.tsx",
  "storefront-org/**/*.tsx",
  "packages/storefront-core/**/*.tsx",
  "medusa-server/src/admin/**/*.tsx",
  "plugins/*/src/admin/**/*.tsx",
]

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/build/**",
      "**/.next/**",
      "**/.next-e2e/**",
      "**/.next-bench/**",
      "**/.medusa/**",
      "**/.cache/**",
      "**/coverage/**",
      "**/next-env.d.ts",
      "contracts/artifacts/**",
      "contracts/cache/**",
      "contracts/typechain-types/**",
      "medusa-server/static/**",
      "medusa-server/uploads/**",
      "test-artifacts/**",
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // `_` marks a parameter a signature needs but the body does not use (Medusa's handlers).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Medusa 1.x resolves services by constructor parameter name through awilix; its service
      // classes take the container as `arguments[0]` too, so `arguments` is part of that shape.
      "prefer-rest-params": "off",
      // A lazy require() keeps heavy or optional modules (Medusa's loaders, resend, solc, the
      // hardhat scripts) off the start path, and reads CommonJS files that have no types.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // CommonJS files: config files, scripts, benches and jest configs run by Node as they are.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    // `const crypto = require("crypto")` shadows Node's global of the same name on purpose.
    rules: { "no-redeclare": ["error", { builtinGlobals: false }] },
  },
  {
    files: ["**/__tests__/**", "**/e2e/**", "**/test-support/**", "**/bench/**", "**/*.test.ts", "**/*.test.tsx"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: reactFiles,
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "react-hooks": reactHooks },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      // Props are typed by TypeScript.
      "react/prop-types": "off",
    },
  },
  {
    files: storefronts.map((dir) => `${dir}/**/*.{ts,tsx}`),
    plugins: { "@next/next": nextPlugin },
    settings: { next: { rootDir: storefronts } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // The App Router has no pages/ directory for this rule to look at.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // Older files still being typed (the list only shrinks): see eslint.any-backlog.mjs.
    files: anyBacklog,
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  // Last: turns off every rule that Prettier's formatting decides.
  prettier,
)
