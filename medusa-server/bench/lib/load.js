// A small closed-loop load generator: N workers, each sending its next request as
// soon as the previous one answered, over keep-alive loopback connections.
const http = require("http")
const zlib = require("zlib")

function send(agent, baseUrl, spec) {
  const url = new URL(spec.path, baseUrl)
  const body = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body))
  const headers = { ...spec.headers }
  if (body) {
    headers["content-type"] = "application/json"
    headers["content-length"] = body.length
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: spec.method || "GET", agent, headers }, (res) => {
      const chunks = []
      res.on("data", (c) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on("error", reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`${spec.method || "GET"} ${spec.path} timed out after 30 s`)))
    req.on("error", reject)
    req.end(body)
  })
}

function parseJson(res) {
  const raw = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(res.body) : res.body
  return JSON.parse(raw.toString("utf8"))
}

/** One request outside any measurement, for setup and sanity checks; throws unless 2xx. */
async function call(baseUrl, spec) {
  const agent = new http.Agent({ keepAlive: false })
  const res = await send(agent, baseUrl, spec)
  const text = () => (res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(res.body) : res.body).toString("utf8")
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${spec.method || "GET"} ${spec.path} answered ${res.status}: ${text().slice(0, 500)}`)
  }
  return { json: parseJson(res), bytes: text().length }
}

/**
 * Runs `concurrency` workers until `seconds` have passed or `next()` returns null
 * (nothing left to send). `onOk(response)` sees each successful response.
 * Latencies are kept for successful requests only; failures are counted.
 * Returns the raw run; `summarize` turns runs into figures.
 */
async function runLoad({ baseUrl, concurrency, seconds, next, onOk }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies = []
  let errors = 0
  let firstError = null
  let exhausted = false
  const started = process.hrtime.bigint()
  const deadline = started + BigInt(Math.round(seconds * 1e9))

  async function worker() {
    while (process.hrtime.bigint() < deadline) {
      const spec = next()
      if (!spec) {
        exhausted = true
        return
      }
      const t0 = process.hrtime.bigint()
      try {
        const res = await send(agent, baseUrl, spec)
        const ms = Number(process.hrtime.bigint() - t0) / 1e6
        if (res.status >= 200 && res.status < 300) {
          latencies.push(ms)
          if (onOk) onOk(res)
        } else {
          errors++
          firstError ??= `${res.status} ${res.body.toString("utf8").slice(0, 300)}`
        }
      } catch (err) {
        errors++
        firstError ??= String(err && err.message)
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  agent.destroy()
  return { latencies, errors, seconds: elapsed, firstError, exhausted }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/**
 * Requests/s and latency percentiles over one or more runs of the same load on the
 * same server, and the server's CPU per request when the runs carry `cpuSeconds`.
 */
function summarize(runs) {
  const cpu = runs.every((r) => typeof r.cpuSeconds === "number") ? runs.reduce((sum, r) => sum + r.cpuSeconds, 0) : NaN
  const sorted = Float64Array.from(runs.flatMap((r) => r.latencies)).sort()
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0)
  return {
    requests: sorted.length,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    cpuMsPerRequest: (cpu * 1000) / sorted.length,
    firstError: runs.map((r) => r.firstError).find(Boolean) || null,
    exhausted: runs.some((r) => r.exhausted),
  }
}

module.exports = { call, parseJson, runLoad, summarize }
