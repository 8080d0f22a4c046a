#!/usr/bin/env node
// Runs every workspace's `test` script, in lanes that run side by side. Most suites spend their
// time waiting on PostgreSQL, the chain and Chromium rather than on the CPU, so two lanes finish
// the whole suite much sooner than one queue, even on two cores. Every suite already works in its
// own uniquely named databases and on free ports, so lanes never share state.
//
// The lint (ESLint, Prettier's check, every workspace's strict type check) runs as one more unit
// in the lanes, beside the suites, rather than before all of them.
//
// A workspace's output is printed in one block when it ends (interleaved jest output would be
// unreadable), then a table of how long each workspace took. Exit status: non-zero when any
// workspace failed.
//
//   PVA_TEST_LANES   how many workspaces run at once (default 2; 1 runs them one after another)
//   PVA_TEST_ONLY    comma-separated workspace names to run, `lint` for the lint (default: all
//                    with a test script, and the lint)
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")

// Workspaces that must not run at the same time as each other: both storefronts' browser suites
// build and serve the same storefront bundles.
const SAME_LANE = [["@pva/storefront-com", "@pva/storefront-org"]]
// Longest first, so the lanes end together (seconds in a clean-clone CI run with two lanes on a
// 2-core machine); the rest follow.
const LONGEST_FIRST = [
  "@pva/medusa-server", // 665
  "@pva/medusa-plugin-digital-twin", // 373
  "@pva/medusa-plugin-fractional", // 285
  "@pva/medusa-plugin-partners", // 154
  "@pva/medusa-plugin-marketplace", // 154
  "lint", // about 120
  "@pva/contracts", // 93
  "@pva/medusa-plugin-chain-sync", // 86
  "@pva/medusa-plugin-catalog", // 64
  "@pva/test-support", // 63
  "@pva/medusa-plugin-payments", // 61
  "@pva/medusa-plugin-sales-dashboard", // 46
]
const LINT = { name: "lint", args: ["run", "lint"] }

function workspacesWithTests() {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  const dirs = root.workspaces.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? fs.readdirSync(path.join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => path.join(pattern.slice(0, -2), d.name))
      : [pattern]
  )
  return dirs
    .map((dir) => ({ dir, file: path.join(ROOT, dir, "package.json") }))
    .filter(({ file }) => fs.existsSync(file))
    .map(({ dir, file }) => ({ dir, pkg: JSON.parse(fs.readFileSync(file, "utf8")) }))
    .filter(({ pkg }) => pkg.scripts && pkg.scripts.test)
    .map(({ dir, pkg }) => ({ dir, name: pkg.name }))
}

/** Units of work: a workspace alone, or workspaces that must run one after another. */
function unitsInOrder(workspaces) {
  const rank = (name) => {
    const i = LONGEST_FIRST.indexOf(name)
    return i === -1 ? LONGEST_FIRST.length : i
  }
  const byName = new Map(workspaces.map((w) => [w.name, w]))
  const grouped = new Set()
  const units = []
  for (const group of SAME_LANE) {
    const members = group.map((name) => byName.get(name)).filter(Boolean)
    if (members.length) units.push(members)
    members.forEach((m) => grouped.add(m.name))
  }
  for (const w of workspaces) if (!grouped.has(w.name)) units.push([w])
  // The storefront group takes as long as the longest workspace: start it first too.
  return units.sort((a, b) => (a.length > 1 ? -1 : rank(a[0].name)) - (b.length > 1 ? -1 : rank(b[0].name)))
}

function runWorkspace(workspace) {
  return new Promise((resolve) => {
    const started = Date.now()
    const chunks = []
    const child = spawn("npm", workspace.args ?? ["run", "test", "-w", workspace.name], { cwd: ROOT, env: process.env })
    child.stdout.on("data", (c) => chunks.push(c))
    child.stderr.on("data", (c) => chunks.push(c))
    child.on("close", (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000)
      process.stdout.write(Buffer.concat(chunks))
      process.stdout.write(`\n[test-all] ${workspace.name}: ${code === 0 ? "passed" : `FAILED (${signal || code})`} in ${seconds} s\n\n`)
      resolve({ name: workspace.name, ok: code === 0, seconds })
    })
  })
}

async function main() {
  const only = (process.env.PVA_TEST_ONLY || "").split(",").filter(Boolean)
  const lanes = Math.max(1, Number.parseInt(process.env.PVA_TEST_LANES || "2", 10) || 1)
  const workspaces = [...workspacesWithTests(), LINT].filter((w) => !only.length || only.includes(w.name))
  const queue = unitsInOrder(workspaces)
  const results = []
  const started = Date.now()
  const lane = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      for (const workspace of unit) results.push(await runWorkspace(workspace))
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
  const width = Math.max(...results.map((r) => r.name.length))
  console.log(`[test-all] ${lanes} lane(s), ${Math.round((Date.now() - started) / 1000)} s in all:`)
  for (const r of results.sort((a, b) => b.seconds - a.seconds)) {
    console.log(`[test-all]   ${r.name.padEnd(width)}  ${String(r.seconds).padStart(5)} s  ${r.ok ? "passed" : "FAILED"}`)
  }
  process.exit(results.every((r) => r.ok) ? 0 : 1)
}

main()
