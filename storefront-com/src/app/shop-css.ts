// Inlined in the page head rather than linked: one fewer render-blocking request
// before the first paint, for a stylesheet of a few kilobytes.
export const shopCss = `
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); }
.catalog { display: grid; gap: 24px; grid-template-columns: 1fr; }
@media (min-width: 800px) { .catalog { grid-template-columns: 240px 1fr; } }
.product { display: grid; gap: 24px; grid-template-columns: 1fr; }
@media (min-width: 800px) { .product { grid-template-columns: 1fr 1fr; } }
.scale { display: flex; gap: 8px; flex-wrap: wrap; border: 0; padding: 0; margin: 16px 0; }
.scale label { display: flex; align-items: center; gap: 6px; border: 2px solid #8a9a92; border-radius: 8px; padding: 8px 12px; font-weight: 600; cursor: pointer; margin: 0; }
.scale label:has(input:checked) { border-color: var(--pva-green-900); background: #e3f8ee; }
.search-results { position: absolute; background: #fff; color: var(--pva-ink); list-style: none; margin: 4px 0 0; padding: 4px; border-radius: 8px; min-width: 240px; z-index: 5; box-shadow: 0 6px 24px rgba(0,0,0,.15); }
.search-results a { color: var(--pva-ink); font-weight: 400; display: block; padding: 6px 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
