// The benchmark's own throwaway database, on DATABASE_URL's server when set,
// else the PostgreSQL on 127.0.0.1:5432.
const { randomBytes } = require("crypto")
const { Client } = require("pg")

function adminUrl() {
  const url = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres")
  url.pathname = "/postgres"
  return url.toString()
}

async function withAdmin(fn) {
  const client = new Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates an empty database; returns its url and how to drop it. */
async function createBenchDatabase() {
  const name = `pva_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`))
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  }
}

module.exports = { createBenchDatabase }
