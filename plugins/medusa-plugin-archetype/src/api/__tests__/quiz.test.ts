import { adminToken, customerToken, http, registerCustomer, unique } from "@pva/test-support/store"
import { activeQuiz, answersFor, submitQuiz } from "./archetype-helpers"

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe("archetype quiz", () => {
  it("serves the seeded 12-question quiz in order, three questions leaning to each archetype", async () => {
    const quiz = await activeQuiz()
    expect(quiz.questions).toHaveLength(12)
    expect(quiz.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect((quiz.questions[0] as any).weights).toBeUndefined()

    const admin = await http("GET", "/admin/archetype/quiz", { headers: bearer(await adminToken()) })
    const leaning: Record<string, number> = {}
    for (const q of admin.json.quiz.questions) {
      const [top] = Object.entries(q.weights as Record<string, number>).sort((a, b) => b[1] - a[1])
      leaning[top[0]] = (leaning[top[0]] ?? 0) + 1
    }
    expect(leaning).toEqual({ guardian: 3, pioneer: 3, strategist: 3, visionary: 3 })
    expect(admin.json.quiz.questions.some((q: any) => Object.keys(q.weights).length === 2)).toBe(true)
  })

  it("scores a submission against the seeded weights and describes the winner", async () => {
    const quiz = await activeQuiz()
    // Questions 1 and 3 weigh Guardian 1.0; Guardian's weights sum to 2.9 (1 + 0.6 + 1 + 0.3):
    // (5 + 0.6 + 5 + 0.3 − 2.9) / (4 × 2.9) = 69.0%. Every other archetype answered 1 throughout: 0.
    const res = await submitQuiz({ quiz_id: quiz.id, answers: answersFor(quiz, { 1: 5, 3: 5 }) })
    expect(res.status).toBe(201)
    expect(res.json.result).toMatchObject({
      archetype: "guardian",
      name: "Guardian",
      description: "Values security, tradition, and protecting what matters most.",
      scores: { guardian: 69, pioneer: 0, strategist: 0, visionary: 0 },
      quiz_id: quiz.id,
    })
    expect(res.json.result_token).toMatch(/^art_/)
  })

  describe("rejects a bad answer set with 400 naming the field", () => {
    let quiz: Awaited<ReturnType<typeof activeQuiz>>
    beforeAll(async () => {
      quiz = await activeQuiz()
    })

    const cases: Array<[string, (q: typeof quiz) => unknown, RegExp]> = [
      ["no answers array", () => ({}), /answers must be an array/],
      ["a value of 0", (q) => ({ answers: answersFor(q, { 4: 0 }) }), /answers\[3\]\.value must be an integer from 1 to 5, got 0/],
      ["a value of 6", (q) => ({ answers: answersFor(q, { 12: 6 }) }), /answers\[11\]\.value must be an integer from 1 to 5, got 6/],
      ["a fractional value", (q) => ({ answers: answersFor(q, { 2: 2.5 }) }), /answers\[1\]\.value .* got 2\.5/],
      ["a string value", (q) => ({ answers: answersFor(q, {}).map((a, i) => (i === 5 ? { ...a, value: "3" } : a)) }), /answers\[5\]\.value .* got "3"/],
      [
        "an unknown question id",
        (q) => ({ answers: answersFor(q, {}).map((a, i) => (i === 7 ? { ...a, question_id: "aqst_nope" } : a)) }),
        /answers\[7\]\.question_id "aqst_nope" is not a question of the active quiz/,
      ],
      [
        "a duplicate question id",
        (q) => ({ answers: [...answersFor(q, {}), { question_id: q.questions[2].id, value: 4 }] }),
        /answers\[12\]\.question_id "[^"]+" was already answered in answers\[2\]/,
      ],
      ["a missing question", (q) => ({ answers: answersFor(q, {}).slice(1) }), /answers is missing 1 question\(s\): "[^"]+" \(question 1\)/],
      ["a stale quiz_id", (q) => ({ quiz_id: "aquiz_old", answers: answersFor(q, {}) }), /quiz_id "aquiz_old" is not the active quiz/],
    ]

    it.each(cases)("%s", async (_label, body, message) => {
      const res = await submitQuiz(body(quiz))
      expect(res.status).toBe(400)
      expect(res.json.message).toMatch(message)
    })
  })

  it("saves a logged-in customer's result and shows it on /me; anonymous /me is 401", async () => {
    const token = await registerCustomer(`quiz-${unique()}@example.com`)
    const quiz = await activeQuiz()
    const submitted = await submitQuiz({ answers: answersFor(quiz, { 10: 5, 11: 5 }) }, bearer(token))
    expect(submitted.status).toBe(201)
    expect(submitted.json.result_token).toBeUndefined()
    expect(submitted.json.result.archetype).toBe("visionary")

    const me = await http("GET", "/store/archetype/me", { headers: bearer(token) })
    expect(me.status).toBe(200)
    expect(me.json.result).toMatchObject({ id: submitted.json.result.id, archetype: "visionary", name: "Visionary" })

    expect((await http("GET", "/store/archetype/me")).status).toBe(401)
    const fresh = await registerCustomer(`noquiz-${unique()}@example.com`)
    const none = await http("GET", "/store/archetype/me", { headers: bearer(fresh) })
    expect(none.status).toBe(404)
  })

  it("attaches an anonymous result when the shopper logs in, and nobody else can claim it", async () => {
    const quiz = await activeQuiz()
    const anonymous = await submitQuiz({ answers: answersFor(quiz, { 4: 5, 5: 5 }) })
    expect(anonymous.json.result.archetype).toBe("pioneer")
    const resultToken = anonymous.json.result_token

    const email = `anon-${unique()}@example.com`
    await registerCustomer(email, "anon-password-1")
    const login = await http("POST", "/store/auth", {
      body: { email, password: "anon-password-1" },
      headers: { "x-pva-result-token": resultToken },
    })
    expect(login.status).toBe(200)
    const owner = await customerToken(email, "anon-password-1")
    const me = await http("GET", "/store/archetype/me", { headers: bearer(owner) })
    expect(me.json.result).toMatchObject({ id: anonymous.json.result.id, archetype: "pioneer" })

    const thief = await registerCustomer(`thief-${unique()}@example.com`)
    const steal = await http("POST", "/store/archetype/results/attach", { body: { result_token: resultToken }, headers: bearer(thief) })
    expect(steal.status).toBe(404)
    expect((await http("GET", "/store/archetype/me", { headers: bearer(thief) })).status).toBe(404)
    const viaToken = await http("GET", `/store/recommendations?result_token=${resultToken}`, { channel: "com", headers: bearer(thief) })
    expect(viaToken.status).toBe(200) // the token still steers anonymous picks, but never reveals the result itself
    expect(JSON.stringify(viaToken.json)).not.toContain(anonymous.json.result.id)
  })

  it("attaches an anonymous result at registration, or later through the attach endpoint", async () => {
    const quiz = await activeQuiz()
    const first = await submitQuiz({ answers: answersFor(quiz, { 7: 5, 8: 5 }) })
    const email = `reg-${unique()}@example.com`
    const created = await http("POST", "/store/customers", {
      body: { email, password: "reg-password-1", first_name: "Quiz", last_name: "Taker" },
      headers: { "x-pva-result-token": first.json.result_token },
    })
    expect(created.status).toBe(200)
    const token = await customerToken(email, "reg-password-1")
    expect((await http("GET", "/store/archetype/me", { headers: bearer(token) })).json.result.archetype).toBe("strategist")

    const second = await submitQuiz({ answers: answersFor(quiz, { 1: 5, 3: 5 }) })
    const attached = await http("POST", "/store/archetype/results/attach", { body: { result_token: second.json.result_token }, headers: bearer(token) })
    expect(attached.status).toBe(200)
    expect((await http("GET", "/store/archetype/me", { headers: bearer(token) })).json.result.archetype).toBe("guardian")

    expect((await http("POST", "/store/archetype/results/attach", { body: { result_token: second.json.result_token } })).status).toBe(401)
    const bad = await http("POST", "/store/archetype/results/attach", { body: {}, headers: bearer(token) })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/result_token/)
  })

  it("a wrong result token never fails the login it rides on", async () => {
    const email = `badtoken-${unique()}@example.com`
    await registerCustomer(email, "bad-token-pass")
    const login = await http("POST", "/store/auth", {
      body: { email, password: "bad-token-pass" },
      headers: { "x-pva-result-token": "art_not-a-real-token" },
    })
    expect(login.status).toBe(200)
    expect(login.json.customer.email).toBe(email)
  })
})
