import type { AwilixContainer } from "awilix"
import express from "express"
import path from "path"
import { readServerEnv } from "./config/env"
import { catalogLimit } from "./api/middlewares"
import { jsonBodyParser } from "./lib/request-body"
import { forgetEndedSessions } from "./lib/ended-sessions"
import { adminCookieSameSite, adminRequestGuard } from "./lib/admin-request-guard"
import { serveUploads } from "./lib/file-storage/serve-local"

/** Boots Medusa on an express app the way `medusa start` does, plus local static files. */
export async function startServer(directory: string, onClosed: () => void = () => process.exit(0)) {
  const env = readServerEnv()
  const app = express()
  app.disable("x-powered-by")
  // Before any parser or route (plugin routers included): cross-site forms never reach the admin API.
  app.use("/admin", adminRequestGuard({ adminCors: env.adminCors, backendUrl: env.backendUrl }))
  app.use("/admin", adminCookieSameSite(env.adminCookieSameSite))
  // Medusa Admin may not be framed by another page (clickjacking).
  app.use("/app", (_req, res, next) => {
    res.setHeader("Content-Security-Policy", "frame-ancestors 'none'")
    res.setHeader("X-Frame-Options", "DENY")
    next()
  })
  app.use(["/store", "/admin"], jsonBodyParser(env.bodySizeLimit))
  // Before Medusa's routers, which would answer the catalog (a plugin route) first; a preflight is not a query.
  app.use("/store/catalog", (req, res, next) => (req.method === "OPTIONS" ? next() : catalogLimit(req, res, next)))
  // Medusa checks store tokens route by route; an ended one is taken off every store request first.
  // Set once Medusa's loaders have run; store requests before that carry no session to end.
  let medusaContainer: AwilixContainer | undefined = undefined
  app.use("/store", forgetEndedSessions(() => medusaContainer, env.jwtSecret))
  app.use("/static", express.static(path.join(directory, "static"), { maxAge: "1d", fallthrough: false }))
  // Uploaded files kept on this server (without S3): each key is new, so its bytes never change.
  if (!env.files.s3) app.use("/uploads", serveUploads(env.files.localDir))

  const loaders = require("@medusajs/medusa/dist/loaders").default
  const { container } = await loaders({ directory, expressApp: app })
  medusaContainer = container
  // Medusa's express loader trusts one proxy hop from anyone, which lets any client
  // pick its own address with X-Forwarded-For; only TRUST_PROXY's proxies are believed.
  app.set("trust proxy", env.trustProxy)

  const server = app.listen(env.port, () => {
    console.log(`PVA Bazaar server listening on ${env.port} (${env.workerMode} mode)`)
  })
  const shutdown = () => {
    server.close(() => onClosed())
    setTimeout(() => onClosed(), 5000).unref()
  }
  process.once("SIGTERM", shutdown)
  process.once("SIGINT", shutdown)
  return { app, server, container }
}
