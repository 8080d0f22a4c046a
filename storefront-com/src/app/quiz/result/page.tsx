"use client"

import { Link } from "@/modules/common/link"
import { useEffect, useState } from "react"
import { myArchetype } from "@/lib/actions/account"
import { useStore } from "@/lib/store-context"
import { Recommendations } from "@/modules/products/recommendations"
import { LAST_RESULT_KEY } from "@/modules/quiz/last-result"
import { ScoreChart } from "@/modules/quiz/score-chart"

export default function QuizResultPage() {
  const { ready, customer } = useStore()
  const [result, setResult] = useState<any | null | undefined>(undefined)

  useEffect(() => {
    if (!ready) return
    const saved = window.sessionStorage.getItem(LAST_RESULT_KEY)
    if (saved) return setResult(JSON.parse(saved))
    if (!customer) return setResult(null)
    myArchetype().then(setResult, () => setResult(null))
  }, [ready, customer])

  if (result === undefined) return <div className="container section"><p>Loading…</p></div>
  if (result === null) return <div className="container section"><p>No result yet. <Link href="/quiz">Take the quiz</Link></p></div>
  return (
    <div className="container section" style={{ maxWidth: 860 }}>
      <p className="muted">Your archetype</p>
      <h1 data-testid="archetype-name" style={{ marginTop: 0 }}>{result.name}</h1>
      <p style={{ fontSize: "1.15rem" }}>{result.description}</p>
      <ScoreChart scores={result.scores} winner={result.archetype} />
      {!customer && <p><Link href="/account">Log in or create an account</Link> to keep your result.</p>}
      <Recommendations title={`Picked for the ${result.name}`} archetype={result.archetype} limit={8} />
      <p><Link href="/quiz">Retake the quiz</Link></p>
    </div>
  )
}
