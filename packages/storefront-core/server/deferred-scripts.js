// Next's scripts requested once the page's first screen has painted, instead of as the HTML
// arrives. Next 14 writes its chunks into every page as `<script async>` (and a preload for its
// runtime) with no option to hold them back, so a page's largest paint raced their download and
// evaluation. Here each chunk's `src` becomes `data-pva-src`, the preloads go, and a small inline
// loader in the <head> adds the scripts back when every eager image is decoded and the frame showing
// them has been presented, at the first pointer, key or focus, or after three seconds, whichever is first.
// The server-rendered page is complete without them: links and the search form work as HTML.

const HELD_ATTRIBUTE = "data-pva-src"
// Where Next serves its chunks (no assetPrefix is configured).
const NEXT_CHUNK = '"/_next/static/'

/** The loader, as the inline script's source (runs before any of Next's). */
const LOADER = `(function () {
  var started = false
  function inject() {
    if (started) return
    started = true
    document.querySelectorAll("script[${HELD_ATTRIBUTE}]").forEach(function (held) {
      var script = document.createElement("script")
      script.src = held.getAttribute("${HELD_ATTRIBUTE}")
      script.async = true
      if (held.nonce) script.nonce = held.nonce
      document.head.appendChild(script)
    })
  }
  function whenParsed(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true })
    else run()
  }
  function start() { whenParsed(inject) }
  ["pointerdown", "keydown", "touchstart", "focusin"].forEach(function (type) {
    addEventListener(type, start, { capture: true, passive: true, once: true })
  })
  whenParsed(function () {
    setTimeout(inject, 3000)
    var eager = Array.prototype.filter.call(document.images, function (img) { return img.loading !== "lazy" })
    Promise.all(eager.map(function (img) { return img.decode ? img.decode().catch(function () {}) : null })).then(function () {
      // The frame after next: by then the one with the images has been presented, not only drawn.
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(inject, 0) }) })
    })
  })
})()`

const SCRIPT_TAG = /<script\b[^>]*>/g
const LINK_TAG = /<link\b[^>]*>/g

/** A `<script src=… async>` of Next's chunks, held back; anything else as it was. */
function holdScript(tag) {
  if (!tag.includes(` src=${NEXT_CHUNK}`) || !/\sasync(=|\s|>)/.test(tag) || /\snomodule/i.test(tag)) return tag
  return tag.replace(" src=", ` ${HELD_ATTRIBUTE}=`)
}

/** Next's `<link rel="preload" as="script">` for its own chunks goes: it would fetch them at once. */
function dropScriptPreload(tag) {
  const preloadsChunk = /\srel="preload"/.test(tag) && /\sas="script"/.test(tag) && tag.includes(` href=${NEXT_CHUNK}`)
  return preloadsChunk ? "" : tag
}

/**
 * Rewrites one HTML document as it streams: `push` takes each decoded piece and returns what can
 * be sent (a tag cut between two pieces waits for the rest), `end` returns what is left.
 */
function deferredScriptsRewriter() {
  let pending = ""
  let held = 0
  let nonce = null
  let loaderAdded = false

  const rewrite = (html) => {
    let out = html.replace(SCRIPT_TAG, (tag) => {
      const rewritten = holdScript(tag)
      if (rewritten !== tag) {
        held++
        nonce ??= tag.match(/\snonce="([^"]*)"/)?.[1] ?? null
      }
      return rewritten
    })
    out = out.replace(LINK_TAG, dropScriptPreload)
    if (!loaderAdded && held > 0 && out.includes("</head>")) {
      loaderAdded = true
      const nonceAttribute = nonce === null ? "" : ` nonce="${nonce}"`
      out = out.replace("</head>", `<script${nonceAttribute}>${LOADER}</script></head>`)
    }
    return out
  }

  return {
    push(piece) {
      const text = pending + piece
      // Everything up to the last tag that is still open waits for the next piece.
      const open = text.lastIndexOf("<")
      const cut = open !== -1 && text.indexOf(">", open) === -1 ? open : text.length
      pending = text.slice(cut)
      return rewrite(text.slice(0, cut))
    },
    end() {
      const rest = rewrite(pending)
      pending = ""
      return rest
    },
  }
}

module.exports = { deferredScriptsRewriter, HELD_ATTRIBUTE, LOADER }
