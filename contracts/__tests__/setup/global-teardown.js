module.exports = async function globalTeardown() {
  await globalThis.__PVA_HARDHAT_NODE__?.stop();
};
