import { MedusaError } from "medusa-core-utils"
import type { Answer } from "./scoring"

type QuizQuestion = { id: string; position: number }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Checks a submitted answer set against the active quiz's questions: every question
 * answered exactly once with an integer from 1 to 5. Throws a 400 naming the field.
 * `retiredQuestionIds` lets a stale submission be told the quiz changed under it.
 */
export function validateAnswers(body: any, questions: QuizQuestion[], retiredQuestionIds: Set<string>): Answer[] {
  const answers = body?.answers
  if (!Array.isArray(answers)) throw invalid("answers must be an array of { question_id, value }")

  const known = new Map(questions.map((q) => [q.id, q]))
  const seenAt = new Map<string, number>()
  const result: Answer[] = []
  answers.forEach((answer: any, i: number) => {
    const field = `answers[${i}]`
    if (!answer || typeof answer !== "object") throw invalid(`${field} must be an object { question_id, value }`)
    const { question_id: questionId, value } = answer
    if (typeof questionId !== "string" || questionId.length === 0) throw invalid(`${field}.question_id must be a question id`)
    if (!known.has(questionId)) {
      if (retiredQuestionIds.has(questionId)) {
        throw invalid(`${field}.question_id "${questionId}" belongs to an older version of the quiz; reload the quiz and answer again`)
      }
      throw invalid(`${field}.question_id "${questionId}" is not a question of the active quiz`)
    }
    if (seenAt.has(questionId)) {
      throw invalid(`${field}.question_id "${questionId}" was already answered in answers[${seenAt.get(questionId)}]`)
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) {
      throw invalid(`${field}.value must be an integer from 1 to 5, got ${JSON.stringify(value)}`)
    }
    seenAt.set(questionId, i)
    result.push({ question_id: questionId, value })
  })

  const missing = questions.filter((q) => !seenAt.has(q.id)).sort((a, b) => a.position - b.position)
  if (missing.length > 0) {
    throw invalid(
      `answers is missing ${missing.length} question(s): ${missing.map((q) => `"${q.id}" (question ${q.position})`).join(", ")}`
    )
  }
  return result
}
