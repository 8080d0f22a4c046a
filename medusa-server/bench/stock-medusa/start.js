// Boots stock Medusa 1.20 from this directory, the way `medusa start` does:
// Medusa's own loaders on a bare express app, then listen on PORT.
// Medusa resolves plugins from the working directory, so run it with cwd here.
const express = require("express")
const loaders = require("@medusajs/medusa/dist/loaders").default

/** The baseline is only worth something if none of the project's overrides slipped in. */
function assertStock(container) {
  const medusa = (file) => require(`@medusajs/medusa/dist/${file}`).default
  const expected = {
    productVariantInventoryService: medusa("services/product-variant-inventory"),
    cartCompletionStrategy: medusa("strategies/cart-completion"),
    orderService: medusa("services/order"),
  }
  for (const [name, MedusaClass] of Object.entries(expected)) {
    if (container.resolve(name).constructor !== MedusaClass) {
      throw new Error(`stock server: ${name} is not Medusa's own class; the baseline would not be stock`)
    }
  }
}

async function main() {
  const port = Number(process.env.PORT)
  if (!Number.isInteger(port) || port <= 0) throw new Error("PORT must be set")
  const app = express()
  const { container } = await loaders({ directory: __dirname, expressApp: app })
  assertStock(container)
  const server = app.listen(port, "127.0.0.1", () => console.log(`stock Medusa listening on ${port}`))
  const shutdown = () => {
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.once("SIGTERM", shutdown)
  process.once("SIGINT", shutdown)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
