// The base both storefronts build on (reset, layout, header, footer, hero, buttons, cards, forms, alerts,
// tables, progress bars), inlined in each page head with the brand tokens rather than linked: one fewer
// render-blocking request. Each site adds its own rules after it (shop-css.ts, org-css.ts).
export const baseCss = `
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
.card { background: #fff; border-radius: var(--pva-radius); overflow: hidden; border: 1px solid #dfe6e2; display: flex; flex-direction: column; }
.card a { text-decoration: none; color: inherit; }
.card .body { padding: 10px 12px; }
.card h3 { font-size: 1rem; margin: 0 0 4px; }
.muted { color: var(--pva-muted); }
.badge { display: inline-block; background: var(--pva-accent); color: var(--pva-green-900); border-radius: 999px; padding: 2px 10px; font-size: 0.8rem; font-weight: 700; }
.section { padding: 32px 0; }
.section h2 { margin-top: 0; }
form label { display: block; font-weight: 600; margin: 8px 0 4px; }
input, select, textarea { font: inherit; padding: 8px 10px; border: 1px solid #8a9a92; border-radius: 8px; width: 100%; min-height: 44px; background: #fff; }
input[type="checkbox"], input[type="radio"] { width: auto; min-height: 0; }
.field-error { color: #a3121a; font-size: 0.9rem; margin: 4px 0 0; }
.alert { background: #fdecec; color: #7a0c12; padding: 10px 12px; border-radius: 8px; }
.ok { background: #e3f8ee; color: var(--pva-green-900); padding: 10px 12px; border-radius: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.progress { height: 10px; background: #dfe6e2; border-radius: 999px; overflow: hidden; }
.progress > div { height: 100%; background: var(--pva-green-700); }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 8px; border-bottom: 1px solid #dfe6e2; }
`
