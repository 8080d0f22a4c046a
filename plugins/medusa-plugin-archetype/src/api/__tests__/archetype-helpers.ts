import { http, readyCart, storeClient } from "@pva/test-support/store"

export type StoreQuiz = { id: string; version: number; questions: Array<{ id: string; position: number; prompt: string }> }

export async function activeQuiz(): Promise<StoreQuiz> {
  const res = await http("GET", "/store/archetype/quiz")
  if (res.status !== 200) throw new Error(`quiz: ${res.status} ${res.text}`)
  return res.json.quiz
}

/** Answers by position (1-based), defaulting every unlisted question to `rest`. */
export function answersFor(quiz: StoreQuiz, byPosition: Record<number, number>, rest = 1) {
  return quiz.questions.map((q) => ({ question_id: q.id, value: byPosition[q.position] ?? rest }))
}

export async function submitQuiz(body: unknown, headers: Record<string, string> = {}) {
  return http("POST", "/store/archetype/results", { body, headers })
}

/** Places one order holding one unit of each variant, as a guest or as the customer whose token is given. */
export async function placeOrder(variantIds: string[], opts: { token?: string; email?: string } = {}) {
  const client = storeClient("com", { token: opts.token })
  const [variantId, ...moreVariantIds] = variantIds
  const cartId = await readyCart(client, { variantId, moreVariantIds, email: opts.email })
  const completed: any = await client.carts.complete(cartId)
  if (completed.type !== "order") throw new Error(`checkout did not produce an order: ${JSON.stringify(completed).slice(0, 300)}`)
  return completed.data
}
