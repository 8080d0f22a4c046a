// Inlined in the page head rather than linked: one fewer render-blocking request
// before the first paint, for a stylesheet of a few kilobytes.
export const shopCss = `
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
