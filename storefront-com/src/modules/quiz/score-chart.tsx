const ORDER = ["guardian", "pioneer", "strategist", "visionary"] as const
const NAMES: Record<string, string> = { guardian: "Guardian", pioneer: "Pioneer", strategist: "Strategist", visionary: "Visionary" }

/** The four scores as a bar chart, with the numbers in the markup for screen readers and tests. */
export function ScoreChart({ scores, winner }: { scores: Record<string, number>; winner: string }) {
  return (
    <figure style={{ margin: "16px 0" }}>
      <figcaption className="visually-hidden">Your scores for the four archetypes, out of 100</figcaption>
      <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 8 }}>
        {ORDER.map((a) => (
          <li key={a} data-testid={`score-${a}`} style={{ display: "grid", gridTemplateColumns: "110px 1fr 48px", gap: 8, alignItems: "center" }}>
            <span style={{ fontWeight: a === winner ? 700 : 400 }}>{NAMES[a]}</span>
            <span aria-hidden="true" style={{ background: "#dfe6e2", borderRadius: 999, height: 14, overflow: "hidden" }}>
              <span style={{ display: "block", height: "100%", width: `${scores[a]}%`, background: a === winner ? "var(--pva-green-900)" : "var(--pva-green-700)" }} />
            </span>
            <span>{Math.round(scores[a])}</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
