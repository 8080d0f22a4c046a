// `npm start`: pvabazaar.org's production build, served as the shop is (@pva/storefront-core/server/serve.js).
const { serveStorefront } = require("@pva/storefront-core/server/serve")

serveStorefront({ dir: __dirname, defaultPort: 8001 }).catch((err) => {
  console.error(err)
  process.exit(1)
})
