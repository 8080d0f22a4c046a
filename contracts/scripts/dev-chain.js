#!/usr/bin/env node
// Local chain for development (what the root `npm run dev` spawns): starts `hardhat node`
// on 127.0.0.1:$CHAIN_PORT (default 8545), deploys the contracts with scripts/deploy.js
// (same CHAIN_* variables), then stays up until interrupted.
//   CHAIN_LOG  file for the node's output (default: <tmp>/pva-dev-chain.log); "inherit" prints it.
const os = require("node:os");
const path = require("node:path");
const { startHardhatNode, rpc } = require("./lib/hardhat-node");
const { deploy } = require("./deploy");

async function main() {
  const port = Number(process.env.CHAIN_PORT ?? 8545);
  // CHAIN_HOST=0.0.0.0 lets other containers reach it (docker compose); loopback otherwise.
  const hostname = process.env.CHAIN_HOST || "127.0.0.1";
  const url = `http://${hostname === "0.0.0.0" ? "127.0.0.1" : hostname}:${port}`;

  // Refuse to deploy into a chain someone else started: its state is not ours to assume.
  const alreadyUp = await rpc(url, "eth_chainId").then(
    () => true,
    () => false,
  );
  if (alreadyUp) throw new Error(`something already answers JSON-RPC on ${url}; stop it or set CHAIN_PORT`);

  const logFile = process.env.CHAIN_LOG ?? path.join(os.tmpdir(), "pva-dev-chain.log");
  const node = await startHardhatNode({ port, hostname, logFile });
  console.log(`hardhat node listening on ${node.url} (pid ${node.pid}, log: ${logFile})`);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await node.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  try {
    await deploy({ rpcUrl: node.url });
  } catch (error) {
    console.error(`deploy failed: ${error instanceof Error ? error.message : error}`);
    await stop(1);
  }
  console.log("dev chain ready; Ctrl-C to stop");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
