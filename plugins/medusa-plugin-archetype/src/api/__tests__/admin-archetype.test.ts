import { query } from "@pva/test-support/database"
import { adminToken, http, registerCustomer, unique } from "@pva/test-support/store"
import { SEED_QUESTIONS } from "../../seed/quiz"
import { activeQuiz, answersFor, submitQuiz } from "./archetype-helpers"

const databaseUrl = () => process.env.PVA_TEST_DATABASE_URL as string

describe("archetype admin", () => {
  let admin: Record<string, string>
  beforeAll(async () => {
    admin = { authorization: `Bearer ${await adminToken()}` }
  })
  afterAll(async () => {
    // leave the seeded questions active for the other suites
    await http("POST", "/admin/archetype/quiz", { body: { questions: SEED_QUESTIONS }, headers: admin })
  })

  it("requires an admin", async () => {
    expect((await http("GET", "/admin/archetype/quiz")).status).toBe(401)
    expect((await http("POST", "/admin/archetype/quiz", { body: { questions: SEED_QUESTIONS } })).status).toBe(401)
    expect((await http("GET", "/admin/archetype/distribution")).status).toBe(401)
  })

  it("publishing an edit creates a new version; old results keep theirs and stale answers are refused", async () => {
    const customer = { authorization: `Bearer ${await registerCustomer(`ver-${unique()}@example.com`)}` }
    const before = await activeQuiz()
    const oldResult = await submitQuiz({ quiz_id: before.id, answers: answersFor(before, { 1: 5 }) }, customer)
    expect(oldResult.status).toBe(201)

    const edited = SEED_QUESTIONS.map((q, i) => (i === 0 ? { ...q, prompt: "I would rather inherit a piece than buy a new one." } : q))
    const published = await http("POST", "/admin/archetype/quiz", { body: { title: "Archetype quiz, spring edit", questions: edited }, headers: admin })
    expect(published.status).toBe(201)
    expect(published.json.quiz).toMatchObject({ version: before.version + 1, is_active: true, title: "Archetype quiz, spring edit" })

    const after = await activeQuiz()
    expect(after.id).not.toBe(before.id)
    expect(after.questions[0].prompt).toBe("I would rather inherit a piece than buy a new one.")

    const versions = (await http("GET", "/admin/archetype/quiz", { headers: admin })).json.versions
    expect(versions.filter((v: any) => v.is_active)).toHaveLength(1)
    expect(versions.find((v: any) => v.id === before.id)).toMatchObject({ is_active: false, question_count: 12 })

    const me = await http("GET", "/store/archetype/me", { headers: customer })
    expect(me.json.result).toMatchObject({ id: oldResult.json.result.id, quiz_id: before.id })

    const stale = await submitQuiz({ answers: answersFor(before, {}) })
    expect(stale.status).toBe(400)
    expect(stale.json.message).toMatch(/answers\[0\]\.question_id "[^"]+" belongs to an older version of the quiz/)
    const staleQuiz = await submitQuiz({ quiz_id: before.id, answers: answersFor(after, {}) })
    expect(staleQuiz.status).toBe(400)
    expect(staleQuiz.json.message).toMatch(/quiz_id/)
  })

  it("concurrent publishes get consecutive versions and leave exactly one active", async () => {
    const [{ max }] = await query(databaseUrl(), `SELECT max(version) AS max FROM archetype_quiz`)
    const results = await Promise.all(
      Array.from({ length: 5 }, () => http("POST", "/admin/archetype/quiz", { body: { questions: SEED_QUESTIONS }, headers: admin }))
    )
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(results.map((r) => r.json.quiz.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5].map((n) => n + Number(max)))
    const active = await query(databaseUrl(), `SELECT version FROM archetype_quiz WHERE is_active`)
    expect(active).toEqual([{ version: Number(max) + 5 }])
  })

  it.each([
    ["an unknown archetype", { questions: [{ prompt: "x", weights: { wizard: 1 } }] }, /questions\[0\]\.weights\.wizard is not an archetype/],
    ["a weight above 1", { questions: SEED_QUESTIONS.map((q, i) => (i === 2 ? { ...q, weights: { guardian: 3 } } : q)) }, /questions\[2\]\.weights\.guardian must be a number from 0 to 1/],
    ["an empty prompt", { questions: SEED_QUESTIONS.map((q, i) => (i === 4 ? { ...q, prompt: " " } : q)) }, /questions\[4\]\.prompt/],
    ["an archetype nobody weighs", { questions: SEED_QUESTIONS.filter((q) => !q.weights.visionary) }, /none weighs visionary/],
    ["no questions", { questions: [] }, /questions must be a non-empty array/],
  ])("refuses to publish a quiz with %s and keeps the active one", async (_label, body, message) => {
    const before = await activeQuiz()
    const res = await http("POST", "/admin/archetype/quiz", { body, headers: admin })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
    expect((await activeQuiz()).id).toBe(before.id)
  })

  it("edits archetype → category weights, which steer recommendations", async () => {
    const list = (await http("GET", "/admin/archetype/affinities", { headers: admin })).json.archetypes
    const guardian = list.find((a: any) => a.archetype === "guardian")
    expect(guardian.categories.map((c: any) => [c.category_name, c.weight])).toEqual([
      ["Protection Stones", 1],
      ["Grounding Gems", 0.9],
      ["Traditional Crafts", 0.8],
      ["Security Items", 0.7],
    ])
    const games = list.find((a: any) => a.archetype === "strategist").categories.find((c: any) => c.category_name === "Strategic Games")

    const handlesFor = async () =>
      (await http("GET", "/store/recommendations?archetype=guardian&limit=50", { channel: "com" })).json.recommendations
        .filter((r: any) => r.reason === "archetype")
        .map((r: any) => r.product.handle)
    expect(await handlesFor()).not.toContain("soapstone-mancala-board")

    const set = await http("POST", "/admin/archetype/affinities", {
      body: { affinities: [{ archetype: "guardian", category_id: games.category_id, weight: 1 }] },
      headers: admin,
    })
    expect(set.status).toBe(200)
    expect(await handlesFor()).toContain("soapstone-mancala-board")

    const removed = await http("POST", "/admin/archetype/affinities", {
      body: { affinities: [{ archetype: "guardian", category_id: games.category_id, weight: 0 }] },
      headers: admin,
    })
    expect(removed.json.archetypes.find((a: any) => a.archetype === "guardian").categories).toHaveLength(4)
    expect(await handlesFor()).not.toContain("soapstone-mancala-board")
  })

  it.each([
    [{ affinities: [{ archetype: "wizard", category_id: "pcat_x", weight: 1 }] }, /affinities\[0\]\.archetype/],
    [{ affinities: [{ archetype: "guardian", category_id: "pcat_missing", weight: 0.5 }] }, /affinities\[0\]\.category_id "pcat_missing" is not a product category/],
    [{ affinities: [{ archetype: "guardian", category_id: "pcat_x", weight: 1.5 }] }, /affinities\[0\]\.weight must be a number from 0 to 1/],
    [{}, /affinities must be a non-empty array/],
  ])("refuses a bad affinity edit %#", async (body, message) => {
    const res = await http("POST", "/admin/archetype/affinities", { body, headers: admin })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
  })

  it("charts customers by their latest archetype, each customer once", async () => {
    const count = async (archetype: string) =>
      (await http("GET", "/admin/archetype/distribution", { headers: admin })).json.distribution.archetypes.find(
        (a: any) => a.archetype === archetype
      ).customers
    const [visionaries, guardians] = [await count("visionary"), await count("guardian")]

    const customer = { authorization: `Bearer ${await registerCustomer(`dist-${unique()}@example.com`)}` }
    const quiz = await activeQuiz()
    await submitQuiz({ answers: answersFor(quiz, { 10: 5, 11: 5 }) }, customer)
    expect(await count("visionary")).toBe(visionaries + 1)

    await submitQuiz({ answers: answersFor(quiz, { 1: 5, 3: 5 }) }, customer)
    expect(await count("visionary")).toBe(visionaries)
    expect(await count("guardian")).toBe(guardians + 1)
  })
})
