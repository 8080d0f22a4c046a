// Hardhat 2 config. The compiler comes from the npm `solc` package (soljson.js,
// run as WebAssembly): this machine, CI and developers cannot download compilers.
const path = require("node:path");
const { subtask } = require("hardhat/config");
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require("hardhat/builtin-tasks/task-names");

const { SOLC_SETTINGS, HARDFORK, CHAIN_ID } = require("./scripts/lib/settings");

const SOLC_VERSION = require("solc/package.json").version;

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, _hre, _runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) {
    // Anything else would need a download, which fails offline; say so clearly.
    throw new Error(
      `Only solc ${SOLC_VERSION} (npm package) is available offline; a source asked for ${args.solcVersion}`,
    );
  }
  const compilerPath = require.resolve("solc/soljson.js");
  // Loading soljson is slow (~1s), so only do it when a compile actually runs.
  const longVersion = require("solc").version().replace(/\.Emscripten.*$/, "");
  return { compilerPath, isSolcJs: true, version: SOLC_VERSION, longVersion };
});

/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  solidity: {
    version: SOLC_VERSION,
    settings: SOLC_SETTINGS,
  },
  paths: {
    sources: path.join(__dirname, "src"),
    artifacts: path.join(__dirname, "artifacts"),
    cache: path.join(__dirname, "cache"),
    tests: path.join(__dirname, "__tests__"),
  },
  networks: {
    hardhat: {
      // Chain id 31337 and hardhat's default mnemonic accounts are what the
      // server and the deploy script expect for local development.
      // PVA_HARDHAT_CHAIN_ID lets a test stand a node in for another network.
      chainId: Number(process.env.PVA_HARDHAT_CHAIN_ID || CHAIN_ID),
      hardfork: HARDFORK,
    },
  },
};
