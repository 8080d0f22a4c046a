// `npm start`: the shop's production build, with Next's scripts held back until each page's first
// screen has painted (@pva/storefront-core/server/deferred-scripts.js).
const { serveStorefront } = require("@pva/storefront-core/server/serve")

serveStorefront({ dir: __dirname, defaultPort: 8000, deferScripts: true }).catch((err) => {
  console.error(err)
  process.exit(1)
})
