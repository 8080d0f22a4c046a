// Small SVG charts for the dashboard, drawn by hand: a few dozen lines each, no chart library
// to keep compatible with Medusa Admin's webpack, nothing fetched from a CDN.

export const PALETTE = ["#1c5a45", "#e07a3f", "#3b82f6", "#a855f7", "#eab308", "#ef4444", "#14b8a6", "#64748b"]

export type Series = { name: string; color: string; values: number[] }

const WIDTH = 1000
const HEIGHT = 220
const AXIS = 28

/** Bars per day, the series stacked; one hover title per segment. */
export const StackedBars = ({ label, days, series, format }: { label: string; days: string[]; series: Series[]; format: (n: number) => string }) => {
  const totals = days.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0))
  const max = Math.max(1, ...totals)
  const slot = (WIDTH - AXIS) / Math.max(1, days.length)
  const bar = Math.max(1, slot * 0.8)
  const scale = (HEIGHT - 20) / max
  return (
    <figure aria-label={label} className="mb-6">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} width="100%" role="img" aria-label={label}>
        <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#cbd5e1" />
        <text x={0} y={12} fontSize={11} fill="#64748b">{format(max)}</text>
        <text x={0} y={HEIGHT} fontSize={11} fill="#64748b">0</text>
        {days.map((day, i) => {
          let y = HEIGHT
          return (
            <g key={day} data-day={day}>
              {series.map((s) => {
                const value = Math.max(0, s.values[i] ?? 0)
                if (value === 0) return null
                const h = value * scale
                y -= h
                return (
                  <rect key={s.name} x={AXIS + i * slot} y={y} width={bar} height={h} fill={s.color}>
                    <title>{`${day} · ${s.name}: ${format(value)}`}</title>
                  </rect>
                )
              })}
            </g>
          )
        })}
        {days.length > 0 && <text x={AXIS} y={HEIGHT + 16} fontSize={11} fill="#64748b">{days[0]}</text>}
        {days.length > 1 && <text x={WIDTH} y={HEIGHT + 16} fontSize={11} fill="#64748b" textAnchor="end">{days[days.length - 1]}</text>}
      </svg>
      <figcaption className="inter-small-regular text-grey-50 mt-1 flex flex-wrap gap-4">
        {series.map((s) => (
          <span key={s.name}>
            <span style={{ display: "inline-block", width: 10, height: 10, background: s.color, marginRight: 4 }} />
            {s.name}: {format(s.values.reduce((a, b) => a + b, 0))}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

export type Bar = { label: string; value: number; note?: string }

/** One horizontal bar per item, scaled to the largest. */
export const HorizontalBars = ({ label, items, color = PALETTE[0], format = String }: { label: string; items: Bar[]; color?: string; format?: (n: number) => string }) => {
  const max = Math.max(1, ...items.map((i) => i.value))
  const row = 26
  return (
    <figure aria-label={label} className="mb-6">
      <svg viewBox={`0 0 ${WIDTH} ${Math.max(row, items.length * row)}`} width="100%" role="img" aria-label={label}>
        {items.map((item, i) => (
          <g key={item.label}>
            <text x={0} y={i * row + 17} fontSize={12} fill="#111827">{item.label.length > 38 ? `${item.label.slice(0, 37)}…` : item.label}</text>
            <rect x={300} y={i * row + 4} width={Math.max(1, (item.value / max) * 520)} height={row - 8} fill={color}>
              <title>{`${item.label}: ${format(item.value)}`}</title>
            </rect>
            <text x={830} y={i * row + 17} fontSize={12} fill="#374151">{`${format(item.value)}${item.note ? ` · ${item.note}` : ""}`}</text>
          </g>
        ))}
      </svg>
      <figcaption className="sr-only">{items.map((i) => `${i.label}: ${format(i.value)}${i.note ? ` (${i.note})` : ""}`).join("; ")}</figcaption>
    </figure>
  )
}
