"use client"

import { useEffect, useRef, useState } from "react"

export type QuizQuestion = { id: string; position: number; prompt: string }
export type QuizAnswer = { question_id: string; value: number }

const SCALE = [
  [1, "Strongly disagree"],
  [2, "Disagree"],
  [3, "Neutral"],
  [4, "Agree"],
  [5, "Strongly agree"],
] as const

/**
 * One question at a time. Radios are native, so arrow keys move between answers and
 * Enter moves on; focus goes to each new question so screen readers announce it.
 */
export function QuizFlow({ questions, onSubmit }: { questions: QuizQuestion[]; onSubmit: (answers: QuizAnswer[]) => Promise<void> | void }) {
  const [index, setIndex] = useState(0)
  const [values, setValues] = useState<Record<string, number>>({})
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const legend = useRef<HTMLLegendElement>(null)
  const question = questions[index]
  const last = index === questions.length - 1
  const answered = values[question.id] !== undefined

  useEffect(() => {
    legend.current?.focus()
  }, [index])

  const next = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!answered) return setError("Choose an answer to continue.")
    setError(null)
    if (!last) return setIndex(index + 1)
    setSubmitting(true)
    try {
      await onSubmit(questions.map((q) => ({ question_id: q.id, value: values[q.id] })))
    } catch (err: any) {
      setError(err?.message ?? "Your answers could not be scored. Please try again.")
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <form onSubmit={next} aria-label="Archetype quiz">
      <p id="quiz-progress-label">Question {index + 1} of {questions.length}</p>
      <div className="progress" role="progressbar" aria-labelledby="quiz-progress-label" aria-valuemin={0} aria-valuemax={questions.length} aria-valuenow={index + 1}>
        <div style={{ width: `${((index + 1) / questions.length) * 100}%` }} />
      </div>
      <fieldset className="scale-fieldset" style={{ border: 0, padding: 0, margin: "24px 0" }}>
        <legend ref={legend} tabIndex={-1} style={{ fontSize: "1.35rem", fontWeight: 700 }}>{question.prompt}</legend>
        <div className="scale">
          {SCALE.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={`q-${question.id}`}
                value={value}
                checked={values[question.id] === value}
                onChange={() => setValues({ ...values, [question.id]: value })}
              />
              {value} <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p role="alert" className="alert">{error}</p>}
      <div className="row">
        <button type="button" className="btn btn-outline" onClick={() => setIndex(index - 1)} disabled={index === 0 || submitting}>Back</button>
        <button type="submit" className="btn btn-primary" disabled={submitting}>{last ? (submitting ? "Scoring…" : "See my archetype") : "Next"}</button>
      </div>
    </form>
  )
}
