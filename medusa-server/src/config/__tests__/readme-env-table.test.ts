import fs from "fs"
import path from "path"

/**
 * The README's environment tables (every table with a "variable" column) against the
 * variables the code reads. The code is every source file of the repository wherever it
 * lives (so a feature moving into a plugin stays covered), except tests, test support,
 * benchmarks and build output.
 */
const ROOT = path.resolve(__dirname, "../../../..")
const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  "dist",
  "build",
  "build-bench",
  ".cache",
  ".pgdata",
  "coverage",
  "test-artifacts",
  "__tests__",
  "test-support",
  "e2e",
  "bench",
  // contracts/abi: generated
  "abi",
])

/** Read by code outside the tests, but only ever set by tests or their tooling. */
const TEST_ONLY: Record<string, string> = {
  NEXT_DIST_DIR: "the storefronts' end-to-end tests build their own copy of a site into a directory of their own",
  PVA_HARDHAT_CHAIN_ID: "tests start a Hardhat node that stands in for another chain id",
}

const NAME = "[A-Z][A-Z0-9_]*"

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".next")) sourceFiles(path.join(dir, entry.name), found)
    } else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") && !/^jest[.-]/.test(entry.name)) {
      found.push(path.join(dir, entry.name))
    }
  }
  return found
}

/**
 * `process.env.X` and `env.X` (the settings readers take the environment as `env`), not when
 * only assigned; `env["X"]`; `const { X } = process.env`; and, in a file that indexes the
 * environment with a name it holds (`env[name]`), every string literal that is a variable name.
 */
function variablesReadBy(source: string): string[] {
  const names = new Set<string>()
  for (const m of source.matchAll(new RegExp(`\\benv\\.(${NAME})\\b(?!\\s*=[^=])`, "g"))) names.add(m[1])
  for (const m of source.matchAll(new RegExp(`\\benv\\[\\s*["'\`](${NAME})["'\`]\\s*\\]`, "g"))) names.add(m[1])
  for (const m of source.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/[\s:=]/)[0]
      if (new RegExp(`^${NAME}$`).test(name)) names.add(name)
    }
  }
  if (/\benv\[\s*[a-z_]/.test(source)) for (const m of source.matchAll(new RegExp(`["'](${NAME})["']`, "g"))) names.add(m[1])
  return [...names]
}

function variablesInCode(): Map<string, string[]> {
  const readers = new Map<string, string[]>()
  for (const file of sourceFiles(ROOT)) {
    for (const name of variablesReadBy(fs.readFileSync(file, "utf8"))) {
      readers.set(name, [...(readers.get(name) ?? []), path.relative(ROOT, file)])
    }
  }
  return readers
}

/** The names in the "variable" column of every README table that has one. */
function variablesInReadmeTables(): Set<string> {
  const names = new Set<string>()
  let column = -1
  for (const line of fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n")) {
    if (!line.startsWith("|")) {
      column = -1
      continue
    }
    const cells = line.split("|").slice(1, -1).map((c) => c.trim())
    if (column < 0) {
      column = cells.findIndex((c) => c.toLowerCase() === "variable")
      continue
    }
    for (const m of (cells[column] ?? "").matchAll(new RegExp(`\`(${NAME})\``, "g"))) names.add(m[1])
  }
  return names
}

describe("the README's environment tables", () => {
  const read = variablesInCode()
  const documented = variablesInReadmeTables()

  it("are found where the code reads the environment in each of its ways", () => {
    // env.ts through positiveInt(env, "…"), the fractional keys through env[variable],
    // the storefronts through process.env.NEXT_PUBLIC_…, plugins through their settings.
    for (const name of ["RATE_LIMIT_LOGIN", "CHAIN_ISSUER_KEY", "NEXT_PUBLIC_STRIPE_KEY", "TWIN_SIWE_ATTEMPTS_PER_MINUTE", "WEBHOOK_SECRET_KEY"]) {
      expect([name, read.has(name)]).toEqual([name, true])
    }
    expect(documented.has("DATABASE_URL")).toBe(true)
  })

  it("name every variable the code reads", () => {
    const missing = [...read.keys()].filter((name) => !documented.has(name) && !(name in TEST_ONLY))
    expect(missing.map((name) => `${name} (read in ${read.get(name)!.join(", ")})`)).toEqual([])
  })

  it("name only variables the code reads", () => {
    expect([...documented].filter((name) => !read.has(name))).toEqual([])
  })

  it("leave out only test variables the code still reads", () => {
    expect(Object.keys(TEST_ONLY).filter((name) => !read.has(name) || documented.has(name))).toEqual([])
  })
})
