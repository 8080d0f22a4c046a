const COLORS = ["#1c5a45", "#4ef8a3", "#0f3b2d", "#7fd6ae", "#2f8f6b", "#b7f3d6", "#14493a", "#5cc796"]

/** One horizontal bar per holder, as a share of the offering; unsold shares in grey. */
export const CapTableChart = ({ holders, total }: { holders: Array<{ wallet: string; shares: number; customer_email?: string | null }>; total: number }) => {
  const held = holders.reduce((sum, h) => sum + h.shares, 0)
  const segments = [...holders.map((h, i) => ({ label: h.customer_email ?? `${h.wallet.slice(0, 6)}…${h.wallet.slice(-4)}`, shares: h.shares, color: COLORS[i % COLORS.length] }))]
  if (total > held) segments.push({ label: "Not held", shares: total - held, color: "#e5e7eb" })
  let x = 0
  return (
    <figure className="mb-4" aria-label="Cap table chart">
      <svg viewBox="0 0 1000 40" width="100%" height="40" role="img">
        {segments.map((s) => {
          const width = (s.shares / Math.max(total, held)) * 1000
          const rect = <rect key={s.label} x={x} y={0} width={width} height={40} fill={s.color}><title>{`${s.label}: ${s.shares}`}</title></rect>
          x += width
          return rect
        })}
      </svg>
      <figcaption className="inter-small-regular text-grey-50 mt-2 flex flex-wrap gap-4">
        {segments.map((s) => (
          <span key={s.label}>
            <span style={{ display: "inline-block", width: 10, height: 10, background: s.color, marginRight: 4 }} />
            {s.label}: {s.shares} ({Math.round((s.shares / total) * 1000) / 10}%)
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
