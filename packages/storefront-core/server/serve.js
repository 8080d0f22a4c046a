// How a storefront's production build is served (`npm start`): Next's own request handler
// behind a Node HTTP server, so the shop's pages can hold Next's scripts back until their first
// screen has painted (deferred-scripts.js). Takes `next start`'s -p/--port and -H/--hostname.
// Next's compression is off (next-config.mjs): HTML is compressed here, after it is rewritten.
const http = require("http")
const compression = require("compression")
const next = require("next")
const { deferredScriptsRewriter } = require("./deferred-scripts")

/**
 * `-p 8000 -H 127.0.0.1` (or --port/--hostname, or PORT) as `next start` reads them. Not HOSTNAME:
 * containers set it to their own name.
 */
function listenOptions(argv, env, defaultPort) {
  let port = env.PORT || String(defaultPort)
  let hostname = "0.0.0.0"
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2)
    const value = () => inline ?? argv[++i]
    if (flag === "-p" || flag === "--port") port = value()
    else if (flag === "-H" || flag === "--hostname") hostname = value()
    else throw new Error(`unknown option ${argv[i]}: takes -p/--port and -H/--hostname`)
  }
  if (!/^\d{1,5}$/.test(port ?? "") || Number(port) > 65535) throw new Error(`port: "${port}" is not a port number (0–65535)`)
  if (!hostname) throw new Error("hostname: -H/--hostname needs an address to listen on")
  return { port: Number(port), hostname }
}

/**
 * Rewrites `res`'s body with a fresh `deferredScriptsRewriter` when it turns out to be an HTML page
 * (decided when its headers go); any other response passes through untouched.
 */
function rewriteHtmlPages(res) {
  const { write, end, flushHeaders } = res
  const decoder = new TextDecoder()
  let rewriter
  const decide = () => {
    if (rewriter !== undefined) return rewriter
    const html = String(res.getHeader("content-type") ?? "").startsWith("text/html")
    rewriter = html && !res.headersSent && !res.getHeader("content-encoding") ? deferredScriptsRewriter() : null
    // The page's length changes; it goes out chunked.
    if (rewriter) res.removeHeader("content-length")
    return rewriter
  }
  const text = (chunk, encoding) => (typeof chunk === "string" ? decoder.decode(Buffer.from(chunk, encoding), { stream: true }) : decoder.decode(chunk, { stream: true }))
  res.flushHeaders = function (...args) {
    decide()
    return flushHeaders.apply(this, args)
  }
  res.write = function (chunk, encoding, callback) {
    if (!decide() || chunk === undefined || chunk === null) return write.call(this, chunk, encoding, callback)
    const out = rewriter.push(text(chunk, typeof encoding === "string" ? encoding : undefined))
    return write.call(this, out, "utf8", typeof encoding === "function" ? encoding : callback)
  }
  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk]
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding]
    if (!decide()) return end.call(this, chunk, encoding, callback)
    let out = chunk === undefined || chunk === null ? "" : rewriter.push(text(chunk, encoding))
    out += rewriter.push(decoder.decode()) + rewriter.end()
    return end.call(this, out, "utf8", callback)
  }
}

/**
 * Starts the storefront in `dir` (its `next build` output) and resolves with the HTTP server once it
 * listens. `deferScripts`: hold Next's scripts back on HTML pages until the first screen painted.
 */
async function serveStorefront({ dir, defaultPort, deferScripts = false, argv = process.argv.slice(2), env = process.env }) {
  const { port, hostname } = listenOptions(argv, env, defaultPort)
  const app = next({ dev: false, dir, hostname, port })
  const handle = app.getRequestHandler()
  await app.prepare()
  const compress = compression()
  const server = http.createServer((req, res) => {
    compress(req, res, () => {
      if (deferScripts) rewriteHtmlPages(res)
      handle(req, res).catch((err) => {
        console.error(err)
        if (!res.headersSent) res.statusCode = 500
        res.end()
      })
    })
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, hostname, resolve)
  })
  console.log(`▲ ${require("next/package.json").version} serving ${dir} on http://${hostname}:${server.address().port}`)
  // As `next start` does: a stop signal ends the process (open keep-alive connections would hold a
  // graceful close), and an error no request awaited is logged, not the end of every visitor's page.
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => process.exit(0))
  for (const event of ["uncaughtException", "unhandledRejection"]) process.on(event, (err) => console.error(err))
  // Promises awaited late on purpose (React's prefetching) are not errors.
  process.on("rejectionHandled", () => undefined)
  return server
}

module.exports = { serveStorefront, listenOptions, rewriteHtmlPages }
