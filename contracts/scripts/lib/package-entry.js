// Scripts use the built package (dist/) so they deploy exactly the ABI and bytecode that
// consumers import. Builds it first when missing (e.g. `node scripts/dev-chain.js` on a
// fresh clone that skipped `npm run build`).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const PACKAGE_DIR = path.join(__dirname, "..", "..");

function loadPackage() {
  const entry = path.join(PACKAGE_DIR, "dist", "index.js");
  if (!fs.existsSync(entry)) {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [PACKAGE_DIR] });
    execFileSync(process.execPath, [tsc, "-p", path.join(PACKAGE_DIR, "tsconfig.build.json")], { stdio: "inherit" });
  }
  return require(entry);
}

module.exports = { loadPackage };
