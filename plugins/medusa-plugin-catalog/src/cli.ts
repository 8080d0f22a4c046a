#!/usr/bin/env node
// pva-catalog: rebuild the catalog read model and see its state, against DATABASE_URL.
import { Pool } from "pg"
import { drainOutbox, queueDuePriceChanges, rebuildAll } from "./lib/read-model"
import { poolDb } from "./lib/pg-db"
import { MeilisearchMirror } from "./engines/meilisearch-mirror"
import { ProgressBar, runCli } from "@pva/medusa-kit"
import { catalogStatus } from "./db/catalog-outbox"
import { readCatalogCliConfig } from "./lib/config"

const USAGE = `usage: pva-catalog <command>

commands:
  rebuild    rebuild every product's rows (published × channel × region), showing progress;
             then the Meilisearch index too when MEILISEARCH_HOST is set
  drain      refresh the products waiting in the outbox (and those whose price list
             started or ended since), then exit
  status     rows in the read model, products waiting in the outbox, oldest wait
`

async function main(argv: string[]): Promise<number> {
  const [command] = argv
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(USAGE)
    return command ? 0 : 1
  }
  const env = readCatalogCliConfig()
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 2, application_name: "pva-catalog" })
  // An idle connection ended by PostgreSQL is only a warning; the next query fails or reconnects.
  pool.on("error", (err) => process.stderr.write(`database connection lost: ${err.message}\n`))
  try {
    if (command === "rebuild") {
      const progress = new ProgressBar()
      const total = await rebuildAll(poolDb(pool), (done, all) =>
        progress.draw(all ? done / all : 1, `${done}/${all} products  ${Math.round(done / progress.seconds)} products/s`, done >= all)
      )
      progress.finish(`done: ${total} products in ${progress.seconds.toFixed(1)} s`)
      if (env.MEILISEARCH_HOST) {
        process.stderr.write(`mirroring into Meilisearch at ${env.MEILISEARCH_HOST}\n`)
        const mirror = new MeilisearchMirror({ host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY })
        await mirror.sync(async (text, params) => (await pool.query(text, params)).rows, null, { fresh: true })
        process.stderr.write("Meilisearch is up to date\n")
      }
      return 0
    }
    if (command === "drain") {
      await queueDuePriceChanges(poolDb(pool))
      const { productIds, all } = await drainOutbox(poolDb(pool))
      process.stdout.write(all ? "rebuilt every product\n" : `refreshed ${productIds.length} product(s)\n`)
      return 0
    }
    if (command === "status") {
      const s = await catalogStatus(pool)
      process.stdout.write(
        `${s.entries} rows for ${s.products} products; ${s.waiting} change(s) waiting` +
          (s.oldest_wait_s !== null ? `, oldest ${s.oldest_wait_s.toFixed(1)} s` : "") + "\n"
      )
      return 0
    }
    throw new Error(`unknown command "${command}"\n${USAGE}`)
  } finally {
    await pool.end()
  }
}

if (require.main === module) runCli("pva-catalog", main)

export { main }
