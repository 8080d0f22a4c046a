// Seeded databases kept as PostgreSQL templates. A migrated and seeded database costs 15–20 s
// (Medusa's bootstrap, ~200 migrations, the seed); a copy of one costs under half a second.
// So the first suite that seeds with given settings keeps its freshly seeded database as a
// template, and later suites asking for the same seed get a copy of it in their own database.
//
// Only what a template can hold is copied: a seed that talks to a chain (its mints live on that
// node, not in the database) or that takes arguments (bulk catalogs for benches) always runs.
// A template is found by a key over everything the seed's result depends on: the server and
// plugin builds, the lockfile, the seed's arguments and its environment. Templates of another
// build are dropped when a new one is kept, and `node seed-template.js drop-all` (the root
// `npm test` runs it last) drops them all.
//
// Synchronous on purpose: `migrateAndSeed` is, so each step runs this file as a child process.
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { spawnSync } = require("child_process")

const ROOT = path.resolve(__dirname, "../../..")
const PREFIX = "pva_test_tpl_"
// Set by npm, jest or these helpers for the test process itself; the seed never reads them (npm
// puts each workspace's own .bin folders on PATH; the seed starts Node by its path).
const IRRELEVANT_ENV = /^(npm_|PVA_TEST_|JEST_|INIT_CWD$|PWD$|OLDPWD$|PATH$|SHLVL$|_$|DATABASE_URL$)/

/** Sizes and times of every file the seed runs (server and plugin builds), and the lockfile. */
function buildFingerprint() {
  const hash = crypto.createHash("sha256")
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else {
        const stat = fs.statSync(file)
        hash.update(`${path.relative(ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`)
      }
    }
  }
  walk(path.join(ROOT, "medusa-server", "dist"))
  for (const dir of [path.join(ROOT, "plugins"), path.join(ROOT, "packages")]) {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) walk(path.join(dir, name, "dist"))
  }
  for (const file of ["package-lock.json", "medusa-server/medusa-config.js"]) {
    const full = path.join(ROOT, file)
    if (fs.existsSync(full)) hash.update(`${file}:${fs.readFileSync(full).length}:${fs.statSync(full).mtimeMs}\n`)
  }
  return hash.digest("hex").slice(0, 10)
}

/**
 * The template a seed with this environment and these arguments would be copied from, or null when
 * its result cannot live in a template.
 */
function templateFor(env, args) {
  if (args.length || env.CHAIN_RPC_URL || env.CHAIN_RPC_URLS || !env.DATABASE_URL) return null
  const relevant = Object.keys(env)
    .filter((name) => !IRRELEVANT_ENV.test(name))
    .sort()
    .map((name) => `${name}=${env[name]}`)
  const build = buildFingerprint()
  const key = crypto.createHash("sha256").update(relevant.join("\n")).digest("hex").slice(0, 12)
  return { build, name: `${PREFIX}${build}_${key}` }
}

const adminUrlOf = (databaseUrl) => {
  const url = new URL(databaseUrl)
  url.pathname = "/postgres"
  return url.toString()
}
const databaseOf = (databaseUrl) => decodeURIComponent(new URL(databaseUrl).pathname.slice(1))

function runStep(step, ...args) {
  const result = spawnSync(process.execPath, [__filename, step, ...args], { encoding: "utf8" })
  if (result.status !== 0) throw new Error(`seed template ${step} failed:\n${result.stderr.slice(-2000)}`)
  return result.stdout.trim()
}

/** A copy of the template into `databaseUrl` (only if that database is still empty): the seed's result, or null. */
function cloneTemplate(template, databaseUrl) {
  const out = runStep("clone", template.name, databaseUrl)
  return out ? JSON.parse(out) : null
}

/** Keeps the freshly seeded `databaseUrl` as the template, with the seed's result. */
function saveTemplate(template, databaseUrl, result) {
  runStep("save", template.name, template.build, databaseUrl, JSON.stringify(result))
}

// ---- the steps, in a child process ----

async function withClient(url, fn) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const quoted = (name) => `"${name.replace(/"/g, '""')}"`

async function clone(templateName, databaseUrl) {
  const target = databaseOf(databaseUrl)
  const found = await withClient(adminUrlOf(databaseUrl), (c) =>
    c.query(`SELECT shobj_description(oid, 'pg_database') AS result FROM pg_database WHERE datname = $1`, [templateName])
  )
  if (!found.rows[0]?.result) return
  const tables = await withClient(databaseUrl, (c) => c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`))
  if (tables.rows[0].n > 0) return // a seed on top of an existing database is what its caller wants to see
  const copied = await withClient(adminUrlOf(databaseUrl), async (c) => {
    // Copied beside the target first: if the template went away meanwhile (another build's run
    // dropped it), the target is left as it was and the caller seeds it.
    const staging = `${target.slice(0, 50)}_${crypto.randomBytes(3).toString("hex")}`
    try {
      await c.query(`CREATE DATABASE ${quoted(staging)} TEMPLATE ${quoted(templateName)}`)
    } catch {
      return false
    }
    await c.query(`DROP DATABASE ${quoted(target)} WITH (FORCE)`)
    await c.query(`ALTER DATABASE ${quoted(staging)} RENAME TO ${quoted(target)}`)
    return true
  })
  if (copied) process.stdout.write(found.rows[0].result)
}

async function save(templateName, build, databaseUrl, result) {
  const staging = `${templateName}_${crypto.randomBytes(3).toString("hex")}`
  await withClient(adminUrlOf(databaseUrl), async (c) => {
    const stale = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname NOT LIKE $2`, [
      `${PREFIX}%`,
      `${PREFIX}${build}_%`,
    ])
    for (const { datname } of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${quoted(staging)} TEMPLATE ${quoted(databaseOf(databaseUrl))}`)
    await c.query(`COMMENT ON DATABASE ${quoted(staging)} IS ${c.escapeLiteral(result)}`)
    try {
      // Complete under its final name, or not there at all: a racing suite kept the same seed first.
      await c.query(`ALTER DATABASE ${quoted(staging)} RENAME TO ${quoted(templateName)}`)
    } catch {
      await c.query(`DROP DATABASE IF EXISTS ${quoted(staging)} WITH (FORCE)`)
    }
  })
}

async function dropAll(adminUrl) {
  await withClient(adminUrl, async (c) => {
    const all = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${PREFIX}%`])
    for (const { datname } of all.rows) await c.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`)
  })
}

if (require.main === module) {
  const [step, ...args] = process.argv.slice(2)
  const steps = {
    clone: () => clone(args[0], args[1]),
    save: () => save(args[0], args[1], args[2], args[3]),
    "drop-all": () => dropAll(process.env.PVA_TEST_PG_ADMIN_URL || adminUrlOf(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres")),
  }
  if (!steps[step]) {
    console.error(`usage: seed-template.js clone|save|drop-all`)
    process.exit(2)
  }
  steps[step]().catch((err) => {
    // No PostgreSQL to clean up after is nothing to clean up.
    if (step === "drop-all" && err.code === "ECONNREFUSED") return
    console.error(err)
    process.exit(1)
  })
}

module.exports = { templateFor, cloneTemplate, saveTemplate }
