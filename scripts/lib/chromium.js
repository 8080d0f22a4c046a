// Debian's Chromium for browser tests, driven by playwright-core: installed from
// Debian when missing (never a downloaded browser), launched headless with the
// background services off, because this machine's network is closed.
const { execFileSync } = require("child_process")
const fs = require("fs")

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
]

function aptInstall() {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  const install = () => execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env })
  try {
    install()
  } catch {
    execFileSync("apt-get", ["update"], { stdio: "inherit", env })
    install()
  }
}

/** The Chromium binary's path, installing Debian's `chromium` package first if needed. */
function ensureChromium() {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH`)
  }
  aptInstall()
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`)
  return CHROMIUM_PATH
}

/** A headless Debian Chromium under playwright-core, with a fresh profile. */
async function launchChromium() {
  const { chromium } = require("playwright-core")
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS })
}

module.exports = { CHROMIUM_ARGS, ensureChromium, launchChromium }
