import { MedusaError } from "medusa-core-utils"
import { ARCHETYPES, Archetype, archetypeView } from "../lib/archetypes"
import { validateAnswers } from "../lib/answers"
import { hashResultToken, newResultToken } from "../lib/result-token"
import { scoreAnswers } from "../lib/scoring"
import { rowsOf } from "@pva/medusa-kit"
import { PerCallService } from "@pva/medusa-kit/service"
import { ArchetypeResult } from "../models/archetype-result"
import type ArchetypeQuizService from "./archetype-quiz"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const NO_SUCH_TOKEN = "No quiz result matches this result_token"

export function resultView(result: ArchetypeResult) {
  return {
    id: result.id,
    ...archetypeView(result.archetype),
    scores: result.scores,
    quiz_id: result.quiz_id,
    created_at: result.created_at,
  }
}

/** Scored quiz results: saved for customers, held behind a token for anonymous shoppers. */
class ArchetypeResultService extends PerCallService {
  private readonly quizzes: ArchetypeQuizService

  constructor(container: any) {
    super(container)
    this.quizzes = container.archetypeQuizService
  }

  async submit(body: any, customerId?: string) {
    const quiz = await this.quizzes.retrieveActive()
    if (body?.quiz_id !== undefined && body.quiz_id !== quiz.id) {
      throw invalid(`quiz_id "${body.quiz_id}" is not the active quiz (version ${quiz.version}, ${quiz.id}); reload the quiz and answer again`)
    }
    const retired = new Set<string>(
      (
        await this.activeManager_.query(
          `SELECT q.id FROM archetype_question q WHERE q.quiz_id <> $1 AND q.id = ANY($2::text[])`,
          [quiz.id, (Array.isArray(body?.answers) ? body.answers : []).map((a: any) => String(a?.question_id))]
        )
      ).map((r: any) => r.id)
    )
    const answers = validateAnswers(body, quiz.questions, retired)
    const { archetype, scores } = scoreAnswers(quiz.questions, answers)

    const token = customerId ? undefined : newResultToken()
    const repo = this.activeManager_.getRepository(ArchetypeResult)
    const saved = await repo.save(
      repo.create({
        quiz_id: quiz.id,
        customer_id: customerId ?? null,
        token_hash: token?.hash ?? null,
        archetype,
        scores,
        answers,
        attached_at: customerId ? new Date() : null,
      })
    )
    return { result: resultView(saved), ...(token ? { result_token: token.token } : {}) }
  }

  /**
   * Gives an anonymous result to the customer who now logs in. A token already
   * attached to someone else answers like an unknown one: it reveals nothing.
   */
  async attach(token: unknown, customerId: string) {
    if (typeof token !== "string" || !token) throw invalid("result_token must be the token returned with an anonymous result")
    const [row] = await this.activeManager_.query(
      `UPDATE archetype_result SET customer_id = $2, attached_at = now(), updated_at = now()
        WHERE token_hash = $1 AND (customer_id IS NULL OR customer_id = $2)
        RETURNING *`,
      [hashResultToken(token), customerId]
    ).then((result: unknown) => rowsOf<ArchetypeResult>(result))
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, NO_SUCH_TOKEN)
    return resultView(row)
  }

  async latestFor(customerId: string): Promise<ArchetypeResult | null> {
    return this.activeManager_
      .getRepository(ArchetypeResult)
      .findOne({ where: { customer_id: customerId }, order: { created_at: "DESC" } })
  }

  /** The archetype an anonymous shopper's token stands for, or a 400 if it is unknown. */
  async archetypeOfToken(token: string): Promise<Archetype> {
    const [row] = await this.activeManager_.query(`SELECT archetype, customer_id FROM archetype_result WHERE token_hash = $1`, [
      hashResultToken(token),
    ])
    if (!row) throw invalid(`result_token: ${NO_SUCH_TOKEN}`)
    return row.archetype
  }

  /** How customers spread across archetypes, counting each customer's latest result once. */
  async distribution() {
    const rows: Array<{ archetype: Archetype; customers: number }> = await this.activeManager_.query(
      `SELECT archetype, count(*)::int AS customers FROM (
         SELECT DISTINCT ON (customer_id) customer_id, archetype
           FROM archetype_result WHERE customer_id IS NOT NULL
          ORDER BY customer_id, created_at DESC
       ) latest GROUP BY archetype`
    )
    const [{ anonymous }] = await this.activeManager_.query(
      `SELECT count(*)::int AS anonymous FROM archetype_result WHERE customer_id IS NULL`
    )
    const total = rows.reduce((sum, r) => sum + r.customers, 0)
    return {
      total_customers: total,
      anonymous_results: anonymous,
      archetypes: ARCHETYPES.map((archetype) => {
        const customers = rows.find((r) => r.archetype === archetype)?.customers ?? 0
        return { ...archetypeView(archetype), customers, share: total ? Math.round((customers / total) * 1000) / 10 : 0 }
      }),
    }
  }
}

export default ArchetypeResultService
