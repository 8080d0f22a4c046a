// Inlined in the page head (as on the shop): one fewer render-blocking request.
export const orgCss = `
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
.card a { display: block; }
.card img { aspect-ratio: 1; object-fit: cover; width: 100%; }
.badge.status-issued, .badge.status-bound, .badge.status-submitted { background: #e6ece9; }
.steps { padding-left: 20px; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 16px 0; }
.filters label { font-weight: 600; display: block; }
.filters select { width: auto; }
.artifact { display: grid; gap: 24px; grid-template-columns: 1fr; }
@media (min-width: 800px) { .artifact { grid-template-columns: 1fr 1fr; } }
.artifact-media { margin: 0; }
.artifact-media figcaption { display: flex; gap: 12px; align-items: center; margin-top: 12px; }
.artifact-media figcaption img { width: 120px; height: 120px; border-radius: 6px; }
.traits { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.traits dt { font-weight: 600; }
.traits dd { margin: 0; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 8px; border-left: 3px solid var(--pva-green-700); }
.timeline-event { position: relative; padding: 0 0 20px 20px; display: flex; }
.timeline-event h3 { margin: 0; font-size: 1rem; }
.timeline-event p { margin: 2px 0; }
.timeline-dot { position: absolute; left: -9px; top: 6px; width: 14px; height: 14px; border-radius: 50%; background: var(--pva-accent); border: 2px solid var(--pva-green-900); }
.chart rect.bar { fill: var(--pva-green-700); }
.chart text { fill: var(--pva-ink); font-size: 12px; }
.hero a.btn { margin-right: 8px; }
.listing-title { font-size: 1rem; margin: 8px 0 4px; }
.listing-card p { margin: 4px 0; }
.listing-placeholder { aspect-ratio: 1; background: #e6ece9; }
.pagination { justify-content: center; margin-top: 24px; }
.listing-actions form { align-items: end; }
`
