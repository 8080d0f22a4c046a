const { deferredScriptsRewriter } = require("../../server/deferred-scripts")

// The head and the end of a page as Next 14 writes them (trimmed), nonce and all.
const HEAD =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="preload" as="script" fetchPriority="low" nonce="abc+/=" href="/_next/static/chunks/webpack-1.js"/>' +
  '<script src="/_next/static/chunks/app-shell-2.js" async="" nonce="abc+/="></script>' +
  '<script src="/_next/static/chunks/app/page-3.js" async="" nonce="abc+/="></script>' +
  '<link rel="preconnect" href="http://127.0.0.1:9000"/>' +
  '<script src="/_next/static/chunks/polyfills-4.js" noModule="" nonce="abc+/="></script>' +
  "<title>Shop</title></head>"
const BODY =
  '<body><main><img src="/p.avif" alt="" loading="eager"/></main>' +
  '<script src="/_next/static/chunks/webpack-1.js" nonce="abc+/=" async=""></script>' +
  '<script nonce="abc+/=">(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script type="application/ld+json" nonce="abc+/=">{"@type":"Product"}</script></body></html>'
const PAGE = HEAD + BODY

function rewrite(pieces: string[]): string {
  const rewriter = deferredScriptsRewriter()
  return pieces.map((piece) => rewriter.push(piece)).join("") + rewriter.end()
}

describe("Next's scripts held back until the first screen has painted", () => {
  it("leaves no script of Next's for the browser to fetch while it parses the page", () => {
    const html = rewrite([PAGE])
    expect(html).not.toMatch(/<script[^>]* src="\/_next\/static\/chunks\/(app-shell|webpack|app\/page)/)
    expect(html).not.toContain('rel="preload" as="script"')
    for (const chunk of ["app-shell-2.js", "app/page-3.js", "webpack-1.js"]) {
      expect(html).toContain(`data-pva-src="/_next/static/chunks/${chunk}"`)
    }
  })

  it("keeps everything else as it was: the polyfills for old browsers, inline scripts, JSON-LD, other links", () => {
    const html = rewrite([PAGE])
    expect(html).toContain('<script src="/_next/static/chunks/polyfills-4.js" noModule=""')
    expect(html).toContain('<script nonce="abc+/=">(self.__next_f=self.__next_f||[]).push([0])</script>')
    expect(html).toContain('<script type="application/ld+json" nonce="abc+/=">{"@type":"Product"}</script>')
    expect(html).toContain('<link rel="preconnect" href="http://127.0.0.1:9000"/>')
    expect(html).toContain('<img src="/p.avif" alt="" loading="eager"/>')
  })

  it("adds one loader to the head, carrying the page's nonce so its Content-Security-Policy lets it run", () => {
    const html = rewrite([PAGE])
    const loaders = [...html.matchAll(/<script nonce="abc\+\/=">\(function \(\) \{/g)]
    expect(loaders).toHaveLength(1)
    expect(html.indexOf(loaders[0][0])).toBeLessThan(html.indexOf("</head>"))
  })

  it("gives the same page however the stream cuts it, in the middle of a tag or between tags", () => {
    const whole = rewrite([PAGE + "<p>Smaragd – €625</p>"])
    const text = PAGE + "<p>Smaragd – €625</p>"
    for (let size = 1; size <= 40; size += 3) {
      const pieces: string[] = []
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
      expect(rewrite(pieces)).toBe(whole)
    }
  })

  it("leaves a page without Next's scripts alone", () => {
    const plain = "<!DOCTYPE html><html><head><title>Offline</title></head><body><p>Back soon</p></body></html>"
    expect(rewrite([plain])).toBe(plain)
  })
})
