// Inlined in the page head (as on the shop): one fewer render-blocking request.
export const orgCss = `
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
.card { background: #fff; border-radius: var(--pva-radius); overflow: hidden; border: 1px solid #dfe6e2; display: flex; flex-direction: column; }
.card a { text-decoration: none; color: inherit; display: block; }
.card img { aspect-ratio: 1; object-fit: cover; width: 100%; }
.card .body { padding: 10px 12px; }
.card h3 { font-size: 1rem; margin: 0 0 4px; }
.muted { color: var(--pva-muted); }
.badge { display: inline-block; background: var(--pva-accent); color: var(--pva-green-900); border-radius: 999px; padding: 2px 10px; font-size: 0.8rem; font-weight: 700; }
.badge.status-issued, .badge.status-bound, .badge.status-submitted { background: #e6ece9; }
.section { padding: 32px 0; }
.section h2 { margin-top: 0; }
.steps { padding-left: 20px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 16px 0; }
.filters label { font-weight: 600; display: block; }
form label { display: block; font-weight: 600; margin: 8px 0 4px; }
input, select, textarea { font: inherit; padding: 8px 10px; border: 1px solid #8a9a92; border-radius: 8px; width: 100%; min-height: 44px; background: #fff; }
.filters select { width: auto; }
input[type="checkbox"], input[type="radio"] { width: auto; min-height: 0; }
.field-error { color: #a3121a; font-size: 0.9rem; margin: 4px 0 0; }
.alert { background: #fdecec; color: #7a0c12; padding: 10px 12px; border-radius: 8px; }
.ok { background: #e3f8ee; color: var(--pva-green-900); padding: 10px 12px; border-radius: 8px; }
.row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.artifact { display: grid; gap: 24px; grid-template-columns: 1fr; }
@media (min-width: 800px) { .artifact { grid-template-columns: 1fr 1fr; } }
.traits { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.traits dt { font-weight: 600; }
.traits dd { margin: 0; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
.progress { height: 10px; background: #dfe6e2; border-radius: 999px; overflow: hidden; }
.progress > div { height: 100%; background: var(--pva-green-700); }
.timeline { list-style: none; margin: 0; padding: 0 0 0 8px; border-left: 3px solid var(--pva-green-700); }
.timeline-event { position: relative; padding: 0 0 20px 20px; display: flex; }
.timeline-event h3 { margin: 0; font-size: 1rem; }
.timeline-event p { margin: 2px 0; }
.timeline-dot { position: absolute; left: -9px; top: 6px; width: 14px; height: 14px; border-radius: 50%; background: var(--pva-accent); border: 2px solid var(--pva-green-900); }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 8px; border-bottom: 1px solid #dfe6e2; }
.chart rect.bar { fill: var(--pva-green-700); }
.chart text { fill: var(--pva-ink); font-size: 12px; }
.hero a.btn { margin-right: 8px; }
`
