// Inlined in the page head rather than linked: one fewer render-blocking request
// before the first paint, for a stylesheet of a few kilobytes.
export const shopCss = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--pva-ink); background: var(--pva-bg); line-height: 1.5; }
a { color: var(--pva-green-700); }
img { max-width: 100%; height: auto; display: block; }
:focus-visible { outline: none; box-shadow: var(--pva-focus); border-radius: 4px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; z-index: 10; }
.skip:focus { left: 8px; }
.container { max-width: 1120px; margin: 0 auto; padding: 0 16px; }
.pva-header { background: var(--pva-gradient); color: #fff; }
.pva-header .container { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; padding-top: 12px; padding-bottom: 12px; }
.pva-header a { color: #fff; text-decoration: none; font-weight: 600; }
.pva-header nav { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
.brand { font-size: 1.25rem; letter-spacing: 0.02em; }
.brand span { color: var(--pva-accent); }
.pva-footer { background: var(--pva-green-900); color: #e8f5ee; padding: 24px 16px; text-align: center; margin-top: 48px; }
.hero { background: var(--pva-gradient); color: #fff; padding: 48px 16px; }
.hero h1 { font-size: clamp(1.75rem, 5vw, 2.75rem); margin: 0 0 12px; }
.btn { display: inline-block; border: 0; border-radius: var(--pva-radius); padding: 10px 18px; font-weight: 700; cursor: pointer; text-decoration: none; font-size: 1rem; min-height: 44px; }
.btn-accent { background: var(--pva-accent); color: var(--pva-green-900); }
.btn-primary { background: var(--pva-green-900); color: #fff; }
.btn-outline { background: transparent; border: 2px solid var(--pva-green-900); color: var(--pva-green-900); }
.btn[disabled] { opacity: 0.55; cursor: not-allowed; }
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); }
.card { background: #fff; border-radius: var(--pva-radius); overflow: hidden; border: 1px solid #dfe6e2; display: flex; flex-direction: column; }
.card a { text-decoration: none; color: inherit; }
.card .body { padding: 10px 12px; }
.card h3 { font-size: 1rem; margin: 0 0 4px; }
.muted { color: var(--pva-muted); }
.badge { display: inline-block; background: var(--pva-accent); color: var(--pva-green-900); border-radius: 999px; padding: 2px 10px; font-size: 0.8rem; font-weight: 700; }
.section { padding: 32px 0; }
.section h2 { margin-top: 0; }
.catalog { display: grid; gap: 24px; grid-template-columns: 1fr; }
@media (min-width: 800px) { .catalog { grid-template-columns: 240px 1fr; } }
form label { display: block; font-weight: 600; margin: 8px 0 4px; }
input, select, textarea { font: inherit; padding: 8px 10px; border: 1px solid #8a9a92; border-radius: 8px; width: 100%; min-height: 44px; background: #fff; }
input[type="checkbox"], input[type="radio"] { width: auto; min-height: 0; }
.field-error { color: #a3121a; font-size: 0.9rem; margin: 4px 0 0; }
.alert { background: #fdecec; color: #7a0c12; padding: 10px 12px; border-radius: 8px; }
.ok { background: #e3f8ee; color: var(--pva-green-900); padding: 10px 12px; border-radius: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.product { display: grid; gap: 24px; grid-template-columns: 1fr; }
@media (min-width: 800px) { .product { grid-template-columns: 1fr 1fr; } }
.progress { height: 10px; background: #dfe6e2; border-radius: 999px; overflow: hidden; }
.progress > div { height: 100%; background: var(--pva-green-700); }
.scale { display: flex; gap: 8px; flex-wrap: wrap; border: 0; padding: 0; margin: 16px 0; }
.scale label { display: flex; align-items: center; gap: 6px; border: 2px solid #8a9a92; border-radius: 8px; padding: 8px 12px; font-weight: 600; cursor: pointer; margin: 0; }
.scale label:has(input:checked) { border-color: var(--pva-green-900); background: #e3f8ee; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 8px; border-bottom: 1px solid #dfe6e2; }
.search-results { position: absolute; background: #fff; color: var(--pva-ink); list-style: none; margin: 4px 0 0; padding: 4px; border-radius: 8px; min-width: 240px; z-index: 5; box-shadow: 0 6px 24px rgba(0,0,0,.15); }
.search-results a { color: var(--pva-ink); font-weight: 400; display: block; padding: 6px 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
