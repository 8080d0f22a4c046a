import { http, regionByName, storeClient, US_ADDRESS } from "../../../../../medusa-server/test-support/store"

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
  const region = await regionByName(client, "United States")
  const { cart } = await client.carts.create({ region_id: region.id })
  for (const variant_id of variantIds) await client.carts.lineItems.create(cart.id, { variant_id, quantity: 1 })
  await client.carts.update(cart.id, {
    email: opts.email ?? `guest-${cart.id.slice(-8).toLowerCase()}@example.com`,
    shipping_address: US_ADDRESS,
    billing_address: US_ADDRESS,
  })
  const { shipping_options } = await client.shippingOptions.listCartOptions(cart.id)
  await client.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
  await client.carts.createPaymentSessions(cart.id)
  await client.carts.setPaymentSession(cart.id, { provider_id: "manual" })
  const completed: any = await client.carts.complete(cart.id)
  if (completed.type !== "order") throw new Error(`checkout did not produce an order: ${JSON.stringify(completed).slice(0, 300)}`)
  return completed.data
}
