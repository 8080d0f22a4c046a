// Reads Hardhat artifacts (run `npm run compile -w contracts` first).
const fs = require("node:fs");
const path = require("node:path");

const ARTIFACTS_DIR = path.join(__dirname, "..", "..", "artifacts");

/** Contracts exported as typed ABIs, with the identifier prefix used in abi/<Name>.ts. */
const EXPORTED_CONTRACTS = { PVATwin: "pvaTwin", PVAShares: "pvaShares", PVAMarket: "pvaMarket" };

/** Artifact of `name`, looked up under artifacts/src/**. */
function readArtifact(name) {
  const candidates = [`src/${name}.sol`, `src/test/${name}.sol`, `src/lib/${name}.sol`].map((dir) =>
    path.join(ARTIFACTS_DIR, dir, `${name}.json`),
  );
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`no artifact for ${name}; run \`npm run compile -w contracts\``);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

module.exports = { ARTIFACTS_DIR, EXPORTED_CONTRACTS, readArtifact };
