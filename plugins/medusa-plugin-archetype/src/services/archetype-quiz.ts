import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { ARCHETYPES, isArchetype, Weights } from "../lib/archetypes"
import { ArchetypeQuestion } from "../models/archetype-question"
import { ArchetypeQuiz } from "../models/archetype-quiz"
import { QUIZ_TITLE, QuestionDraft, SEED_QUESTIONS } from "../seed/quiz"
import { PerCallService } from "@pva/medusa-kit/service"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const MAX_QUESTIONS = 50

export type QuizDraft = { title?: string; questions: QuestionDraft[] }

/** The versioned archetype quiz: one active version, edits publish a new one. */
class ArchetypeQuizService extends PerCallService {
  async retrieveActive(manager: EntityManager = this.activeManager_): Promise<ArchetypeQuiz> {
    const quiz = await manager.getRepository(ArchetypeQuiz).findOne({ where: { is_active: true } })
    if (!quiz) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No archetype quiz has been published yet")
    quiz.questions = await this.questionsOf(quiz.id, manager)
    return quiz
  }

  async questionsOf(quizId: string, manager: EntityManager = this.activeManager_): Promise<ArchetypeQuestion[]> {
    return manager.getRepository(ArchetypeQuestion).find({ where: { quiz_id: quizId }, order: { position: "ASC" } })
  }

  async listVersions() {
    return this.activeManager_.query(
      `SELECT q.id, q.version, q.title, q.is_active, q.created_at,
              (SELECT count(*)::int FROM archetype_question WHERE quiz_id = q.id) AS question_count,
              (SELECT count(*)::int FROM archetype_result WHERE quiz_id = q.id) AS result_count
         FROM archetype_quiz q ORDER BY q.version DESC`
    )
  }

  /** Publishes `draft` as the next version and retires the active one, atomically. */
  async publish(draft: unknown): Promise<ArchetypeQuiz> {
    const clean = validateDraft(draft)
    return this.atomicPhase_(async (manager) => {
      // Serialises concurrent publishes so versions stay gapless and only one is active.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('archetype_quiz_publish'))`)
      const [{ next }] = await manager.query(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM archetype_quiz`)
      await manager.query(`UPDATE archetype_quiz SET is_active = false, updated_at = now() WHERE is_active`)
      const quizzes = manager.getRepository(ArchetypeQuiz)
      const quiz = await quizzes.save(quizzes.create({ version: next, title: clean.title, is_active: true }))
      const questions = manager.getRepository(ArchetypeQuestion)
      await questions.save(
        clean.questions.map((q, i) => questions.create({ quiz_id: quiz.id, position: i + 1, prompt: q.prompt, weights: q.weights }))
      )
      return this.retrieveActive(manager)
    })
  }

  /** Installs the first quiz unless one exists; returns whether it did. */
  async seedIfEmpty(): Promise<boolean> {
    const [{ count }] = await this.activeManager_.query(`SELECT count(*)::int AS count FROM archetype_quiz`)
    if (count > 0) return false
    await this.publish({ title: QUIZ_TITLE, questions: SEED_QUESTIONS })
    return true
  }
}

function validateDraft(draft: any): { title: string; questions: QuestionDraft[] } {
  if (!draft || typeof draft !== "object") throw invalid("body must be { title, questions: [{ prompt, weights }] }")
  const title = draft.title === undefined ? QUIZ_TITLE : draft.title
  if (typeof title !== "string" || !title.trim()) throw invalid("title must be a non-empty string")
  if (!Array.isArray(draft.questions) || draft.questions.length === 0) throw invalid("questions must be a non-empty array")
  if (draft.questions.length > MAX_QUESTIONS) throw invalid(`questions may hold at most ${MAX_QUESTIONS} questions`)

  const questions = draft.questions.map((q: any, i: number) => {
    const field = `questions[${i}]`
    if (!q || typeof q.prompt !== "string" || !q.prompt.trim()) throw invalid(`${field}.prompt must be a non-empty string`)
    if (!q.weights || typeof q.weights !== "object" || Array.isArray(q.weights)) {
      throw invalid(`${field}.weights must be an object like { "guardian": 1 }`)
    }
    const weights: Partial<Weights> = {}
    for (const [archetype, weight] of Object.entries(q.weights)) {
      if (!isArchetype(archetype)) throw invalid(`${field}.weights.${archetype} is not an archetype (${ARCHETYPES.join(", ")})`)
      if (typeof weight !== "number" || !(weight >= 0 && weight <= 1)) {
        throw invalid(`${field}.weights.${archetype} must be a number from 0 to 1`)
      }
      if (weight > 0) weights[archetype] = weight
    }
    if (Object.keys(weights).length === 0) throw invalid(`${field}.weights must give at least one archetype a weight above 0`)
    return { prompt: q.prompt.trim(), weights }
  })

  const unweighted = ARCHETYPES.filter((a) => !questions.some((q: QuestionDraft) => (q.weights[a] ?? 0) > 0))
  if (unweighted.length > 0) throw invalid(`questions must weigh every archetype; none weighs ${unweighted.join(", ")}`)
  return { title: title.trim(), questions }
}

export default ArchetypeQuizService
