// multiformats ships ES modules only. Node 20.19+ require()s them, jest's CommonJS runtime does
// not: a jest config whose tests run the CID helpers (lib/cid.ts) in-process spreads this in,
// mapping multiformats' subpaths to its files and compiling them to CommonJS.
const path = require("path")

const dist = path.join(__dirname, "..", "node_modules", "multiformats", "dist", "src")

module.exports = {
  moduleNameMapper: { "^multiformats/(.*)$": `${dist}/$1.js` },
  transform: {
    "^.+/multiformats/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022", isolatedModules: true } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!multiformats/)"],
}
