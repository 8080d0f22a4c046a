// A storefront for the end-to-end tests: built with `next build`, served as `npm start` serves it
// (the site's server.js).
// A build is reused while the sources it was made from and the NEXT_PUBLIC_* values inlined
// into it are unchanged (a stamp in the build directory records both), so a suite that needs
// the other storefront too (storefront-org's claim journey buys on storefront-com) does not
// build it again after that storefront's own suite did.
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { spawn, spawnSync } = require("child_process")

const ROOT = path.resolve(__dirname, "../../..")
const NEXT_BIN = require.resolve("next/dist/bin/next", { paths: [ROOT] })
// Next also reads .env files at build time: they may set NEXT_PUBLIC_* values too.
const SITE_SOURCES = ["src", "public", "next.config.mjs", "package.json", "tsconfig.json", ".env", ".env.local", ".env.production", ".env.production.local"]
const SHARED_SOURCES = [path.join(ROOT, "packages", "storefront-core", "src"), path.join(ROOT, "package-lock.json")]
const STAMP_FILE = "pva-build-stamp"

function hashTree(hash, file) {
  if (fs.statSync(file).isDirectory()) {
    for (const name of fs.readdirSync(file).sort()) if (name !== "__tests__") hashTree(hash, path.join(file, name))
    return
  }
  hash.update(`${path.relative(ROOT, file)}\0`).update(fs.readFileSync(file)).update("\0")
}

/** What a build depends on: its sources, the shared package's, the lockfile and the inlined env. */
function buildStamp(siteDir, env) {
  const hash = crypto.createHash("sha256")
  for (const file of [...SITE_SOURCES.map((f) => path.join(siteDir, f)), ...SHARED_SOURCES]) if (fs.existsSync(file)) hashTree(hash, file)
  const inlined = Object.keys(env).filter((name) => name.startsWith("NEXT_PUBLIC_")).sort()
  hash.update(inlined.map((name) => `${name}=${env[name]}`).join("\n"))
  hash.update(`NODE_ENV=${env.NODE_ENV}`)
  return hash.digest("hex")
}

/**
 * `next build` of `siteDir` into `distDir`, unless a build from the same stamp is already there.
 * Returns whether the existing build was reused.
 */
function buildNextSite({ siteDir, distDir, env }) {
  const out = path.join(siteDir, distDir)
  const stamp = buildStamp(siteDir, env)
  const stampFile = path.join(out, STAMP_FILE)
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) {
    // The build, not what an earlier run's server cached (another Medusa server's data).
    fs.rmSync(path.join(out, "cache", "fetch-cache"), { recursive: true, force: true })
    return { reused: true }
  }
  fs.rmSync(out, { recursive: true, force: true })
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: siteDir,
    env: { ...env, NEXT_DIST_DIR: distDir },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (build.status !== 0) throw new Error(`next build of ${path.basename(siteDir)} failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`)
  fs.writeFileSync(stampFile, stamp)
  return { reused: false }
}

/**
 * The site's server.js (what `npm start` runs) on the build in `distDir` on 127.0.0.1:`port`, its output in `logFile`; resolves
 * once `readyPath` answers without a server error.
 */
async function serveNextSite({ siteDir, distDir, env, port, logFile, readyPath = "/" }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, ["server.js", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: siteDir,
    env: { ...env, NEXT_DIST_DIR: distDir },
    stdio: ["ignore", log, log],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      if ((await fetch(`${url}${readyPath}`)).status < 500) break
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGTERM")
      throw new Error(`${path.basename(siteDir)}'s server.js did not come up:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { url, process: child, stop: () => child.kill("SIGTERM") }
}

module.exports = { buildNextSite, serveNextSite }
