import { formatAmount } from "@pva/storefront-core"

/** Value by offering as horizontal bars: plain SVG, no chart library shipped to the browser. */
export function ValueChart({ rows, currencyCode }: { rows: { label: string; value: number }[]; currencyCode: string }) {
  if (rows.length === 0) return null
  const max = Math.max(...rows.map((r) => r.value), 1)
  const rowHeight = 28
  const labelWidth = 180
  const width = 560
  return (
    <svg className="chart" role="img" aria-label="Value by offering" viewBox={`0 0 ${width} ${rows.length * rowHeight}`} width="100%">
      {rows.map((r, i) => {
        const barWidth = Math.round(((width - labelWidth - 90) * r.value) / max)
        return (
          <g key={r.label} transform={`translate(0 ${i * rowHeight})`}>
            <text x={0} y={18}>{r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}</text>
            <rect className="bar" x={labelWidth} y={4} width={Math.max(barWidth, 1)} height={18} rx={3} />
            <text x={labelWidth + barWidth + 6} y={18}>{formatAmount(r.value, currencyCode)}</text>
          </g>
        )
      })}
    </svg>
  )
}
