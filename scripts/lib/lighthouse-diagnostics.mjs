// Where a page's time goes, from Lighthouse's own audits: the four phases of its Largest
// Contentful Paint and the diagnostics that explain them. Scores move with the machine's load;
// these say which part of the page is slow.

const PHASES = { "TTFB": "ttfb", "Load Delay": "loadDelay", "Load Time": "loadTime", "Render Delay": "renderDelay" }

/** LCP split into TTFB, resource load delay, resource load time and render delay (ms). */
export function lcpPhases(lhr) {
  const tables = lhr.audits["largest-contentful-paint-element"]?.details?.items ?? []
  const phases = { ttfb: null, loadDelay: null, loadTime: null, renderDelay: null }
  for (const table of tables) {
    for (const item of table.items ?? []) {
      const key = PHASES[item.phase]
      if (key) phases[key] = item.timing
    }
  }
  return phases
}

/** The diagnostics that say what an LCP or a score is waiting for, as short readable strings. */
export function diagnostics(lhr) {
  const a = lhr.audits
  const ms = (id) => (a[id]?.numericValue === undefined ? null : Math.round(a[id].numericValue))
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`
  const out = [
    `FCP ${ms("first-contentful-paint")} ms`,
    `server response ${ms("server-response-time")} ms`,
    `TBT ${ms("total-blocking-time")} ms`,
    `main thread ${ms("mainthread-work-breakdown")} ms`,
    `JS execution ${ms("bootup-time")} ms`,
  ]
  const blocking = a["render-blocking-resources"]?.details?.items ?? []
  if (blocking.length) out.push(`render-blocking: ${blocking.map((i) => `${shortUrl(i.url)} (${Math.round(i.wastedMs)} ms)`).join(", ")}`)
  const unused = a["unused-javascript"]?.details?.items ?? []
  if (unused.length) out.push(`unused JS: ${unused.slice(0, 3).map((i) => `${shortUrl(i.url)} ${kb(i.wastedBytes)}`).join(", ")}`)
  const lcpImage = a["prioritize-lcp-image"]?.details?.items?.[0]
  if (lcpImage?.url) out.push(`LCP image not preloaded: ${shortUrl(lcpImage.url)}`)
  const unsized = a["unsized-images"]?.details?.items ?? []
  if (unsized.length) out.push(`${unsized.length} image(s) without width/height`)
  const lazyLcp = a["lcp-lazy-loaded"]
  if (lazyLcp && lazyLcp.score === 0) out.push("LCP image is lazy-loaded")
  return out
}

const shortUrl = (url) => {
  try {
    const u = new URL(url)
    return u.pathname.split("/").slice(-2).join("/")
  } catch {
    return url
  }
}

/** One line per page: the median phases, and the diagnostics of the run with the median LCP. */
export function describe(name, runs) {
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
  const phase = (key) => {
    const xs = runs.map((r) => r.phases[key]).filter((x) => x !== null && x !== undefined)
    return xs.length ? `${Math.round(median(xs))}` : "–"
  }
  const byLcp = [...runs].sort((x, y) => x.lcpMs - y.lcpMs)
  const typical = byLcp[Math.floor(byLcp.length / 2)]
  return (
    `${name}: LCP ${Math.round(typical.lcpMs)} ms = TTFB ${phase("ttfb")} + load delay ${phase("loadDelay")} + load time ${phase("loadTime")} + render delay ${phase("renderDelay")} (medians, ms)\n` +
    `  ${typical.diagnostics.join("; ")}`
  )
}
