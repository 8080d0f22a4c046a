import { ARCHETYPES, Archetype, Weights } from "./archetypes"

export type ScoredQuestion = { id: string; weights: Partial<Weights> }
export type Answer = { question_id: string; value: number }
export type Scores = Record<Archetype, number>

/**
 * Scores a complete, validated answer set.
 *
 * An archetype's raw score is Σ value × weight over the questions that weigh it.
 * It is normalised against the range its own questions allow (every answer 1 → 0,
 * every answer 5 → 100), so an archetype with more or heavier questions has no head
 * start. Ties on the exact normalised score go to the archetype listed first in
 * ARCHETYPES (Guardian, Pioneer, Strategist, Visionary): a fixed, documented order
 * so the same answers always give the same archetype.
 */
export function scoreAnswers(questions: ScoredQuestion[], answers: Answer[]): { archetype: Archetype; scores: Scores } {
  const valueOf = new Map(answers.map((a) => [a.question_id, a.value]))
  const exact = {} as Scores
  for (const archetype of ARCHETYPES) {
    let raw = 0
    let totalWeight = 0
    for (const question of questions) {
      const weight = question.weights[archetype] ?? 0
      if (weight <= 0) continue
      raw += (valueOf.get(question.id) ?? 0) * weight
      totalWeight += weight
    }
    exact[archetype] = totalWeight === 0 ? 0 : ((raw - totalWeight) / (4 * totalWeight)) * 100
  }

  let winner: Archetype = ARCHETYPES[0]
  for (const archetype of ARCHETYPES) {
    if (exact[archetype] > exact[winner] + 1e-9) winner = archetype
  }
  const scores = {} as Scores
  for (const archetype of ARCHETYPES) scores[archetype] = Math.round(exact[archetype] * 10) / 10
  return { archetype: winner, scores }
}
