// Starts `hardhat node` (this package's config) as a child process and waits until its
// JSON-RPC answers. Shared by the jest global setup, the gas report and the dev chain.
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");

const PACKAGE_DIR = path.join(__dirname, "..", "..");
const HARDHAT_CLI = require.resolve("hardhat/internal/cli/bootstrap.js", { paths: [PACKAGE_DIR] });

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function rpc(url, method, params = []) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/**
 * @param {object} [options]
 * @param {number} [options.port] defaults to a free port
 * @param {string} [options.hostname]
 * @param {string|number} [options.logFile] where the node's output goes ("inherit" to show it)
 * @param {number} [options.timeoutMs]
 * @param {number} [options.chainId] defaults to 31337 (hardhat.config.js)
 * @returns {Promise<{url: string, port: number, pid: number, stop: () => Promise<void>}>}
 */
async function startHardhatNode({ port, hostname = "127.0.0.1", logFile, timeoutMs = 60_000, chainId } = {}) {
  const chosenPort = port ?? (await freePort());
  let stdio = "ignore";
  let logFd;
  if (logFile === "inherit") stdio = "inherit";
  else if (logFile) {
    logFd = fs.openSync(logFile, "w");
    stdio = ["ignore", logFd, logFd];
  }
  const child = spawn(
    process.execPath,
    [HARDHAT_CLI, "node", "--hostname", hostname, "--port", String(chosenPort)],
    { cwd: PACKAGE_DIR, stdio, env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true", ...(chainId ? { PVA_HARDHAT_CHAIN_ID: String(chainId) } : {}) } },
  );
  if (logFd !== undefined) fs.closeSync(logFd);

  let exited = null;
  child.on("exit", (code, signal) => {
    exited = { code, signal };
  });

  const url = `http://${hostname}:${chosenPort}`;
  const started = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(`hardhat node exited early (${JSON.stringify(exited)}); see ${logFile ?? "its output"}`);
    }
    try {
      await rpc(url, "eth_chainId");
      break;
    } catch {
      if (Date.now() - started > timeoutMs) {
        child.kill("SIGTERM");
        throw new Error(`hardhat node did not answer on ${url} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, port: chosenPort, pid: child.pid, stop };
}

module.exports = { startHardhatNode, freePort, rpc, PACKAGE_DIR };
