import { scoreAnswers } from "../scoring"

// Five questions: one per archetype, and one weighing Guardian and Strategist equally.
const questions = [
  { id: "q1", weights: { guardian: 1 } },
  { id: "q2", weights: { pioneer: 1 } },
  { id: "q3", weights: { strategist: 1 } },
  { id: "q4", weights: { visionary: 1 } },
  { id: "q5", weights: { guardian: 0.5, strategist: 0.5 } },
]
const answersOf = (values: number[]) => values.map((value, i) => ({ question_id: `q${i + 1}`, value }))

// Worked by hand: score = (Σ value×weight − Σ weight) / (4 × Σ weight) × 100, rounded to 0.1.
// Guardian and Strategist each have Σ weight 1.5; Pioneer and Visionary 1.
const table: Array<[string, number[], Record<string, number>, string]> = [
  ["a clear Guardian", [5, 1, 1, 1, 5], { guardian: 100, pioneer: 0, strategist: 33.3, visionary: 0 }, "guardian"],
  ["a clear Strategist", [2, 2, 5, 3, 4], { guardian: 41.7, pioneer: 25, strategist: 91.7, visionary: 50 }, "strategist"],
  ["a clear Visionary", [1, 1, 1, 5, 1], { guardian: 0, pioneer: 0, strategist: 0, visionary: 100 }, "visionary"],
  ["a four-way tie goes to Guardian", [3, 3, 3, 3, 3], { guardian: 50, pioneer: 50, strategist: 50, visionary: 50 }, "guardian"],
  ["a Pioneer–Visionary tie goes to Pioneer", [1, 4, 2, 4, 1], { guardian: 0, pioneer: 75, strategist: 16.7, visionary: 75 }, "pioneer"],
  ["a Strategist–Visionary tie goes to Strategist", [1, 1, 5, 5, 5], { guardian: 33.3, pioneer: 0, strategist: 100, visionary: 100 }, "strategist"],
  ["all lowest answers tie at 0 and go to Guardian", [1, 1, 1, 1, 1], { guardian: 0, pioneer: 0, strategist: 0, visionary: 0 }, "guardian"],
]

describe("quiz scoring", () => {
  it.each(table)("scores %s", (_label, values, scores, archetype) => {
    expect(scoreAnswers(questions, answersOf(values))).toEqual({ archetype, scores })
  })

  it("normalises so an archetype with more questions has no head start", () => {
    const lopsided = [
      { id: "a", weights: { guardian: 1 } },
      { id: "b", weights: { guardian: 1 } },
      { id: "c", weights: { guardian: 1 } },
      { id: "d", weights: { pioneer: 1 } },
    ]
    const result = scoreAnswers(lopsided, [
      { question_id: "a", value: 4 },
      { question_id: "b", value: 4 },
      { question_id: "c", value: 4 },
      { question_id: "d", value: 5 },
    ])
    // Guardian's raw sum (12) is larger, but Pioneer answered its only question at the top of the scale.
    expect(result.archetype).toBe("pioneer")
    expect(result.scores).toMatchObject({ guardian: 75, pioneer: 100 })
  })
})
