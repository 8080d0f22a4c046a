/** How much of an offering is still for sale, as a bar and in words (the words are what a screen reader says). */
export function SharesBar({ total, remaining }: { total: number; remaining: number }) {
  const sold = Math.max(0, total - remaining)
  const percent = total > 0 ? Math.round((sold / total) * 100) : 100
  return (
    <div className="shares-bar">
      <div
        className="progress"
        role="progressbar"
        aria-label="Shares sold"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={sold}
        aria-valuetext={`${remaining} of ${total} shares remaining`}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <p className="muted" data-testid="remaining">
        {remaining} of {total} shares remaining
      </p>
    </div>
  )
}
