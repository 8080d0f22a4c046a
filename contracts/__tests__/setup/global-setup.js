// Starts one real `hardhat node` for the whole run. Tests run in band (see jest.config.js),
// so snapshots and time travel in one file cannot disturb another.
const os = require("node:os");
const path = require("node:path");
const { startHardhatNode } = require("../../scripts/lib/hardhat-node");

module.exports = async function globalSetup() {
  const logFile = path.join(os.tmpdir(), `pva-contracts-hardhat-node-${process.pid}.log`);
  const node = await startHardhatNode({ logFile });
  globalThis.__PVA_HARDHAT_NODE__ = node;
  process.env.PVA_TEST_RPC_URL = node.url;
  process.env.PVA_TEST_NODE_LOG = logFile;
};
