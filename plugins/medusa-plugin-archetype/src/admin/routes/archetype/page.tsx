import type { RouteConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"

const ARCHETYPES = ["guardian", "pioneer", "strategist", "visionary"] as const
type Archetype = (typeof ARCHETYPES)[number]
type Question = { prompt: string; weights: Partial<Record<Archetype, number>> }

const label = (a: string) => a.charAt(0).toUpperCase() + a.slice(1)

/** Publishing creates a new version; results already taken keep the version they answered. */
const QuizEditor = () => {
  const [version, setVersion] = useState<number | null>(null)
  const [questions, setQuestions] = useState<Question[]>([])
  const [message, setMessage] = useState<string | null>(null)

  const load = () =>
    adminApi("GET", "/archetype/quiz").then(({ quiz }) => {
      setVersion(quiz.version)
      setQuestions(quiz.questions.map((q: any) => ({ prompt: q.prompt, weights: q.weights })))
    })
  useEffect(() => {
    load().catch((e) => setMessage(e.message))
  }, [])

  const update = (i: number, change: Partial<Question>) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...change } : q)))
  const setWeight = (i: number, archetype: Archetype, value: string) =>
    update(i, { weights: { ...questions[i].weights, [archetype]: value === "" ? 0 : Number(value) } })

  const publish = async () => {
    setMessage(null)
    try {
      const { quiz } = await adminApi("POST", "/archetype/quiz", { questions })
      setMessage(`Published version ${quiz.version}`)
      await load()
    } catch (e: any) {
      setMessage(e.message)
    }
  }

  return (
    <section className="mb-8" aria-labelledby="quiz-heading">
      <div className="mb-4 flex items-center justify-between">
        <h2 id="quiz-heading" className="inter-large-semibold">Quiz questions {version !== null && `(version ${version})`}</h2>
        <div className="flex gap-2">
          <button className="btn btn-secondary btn-small" onClick={() => setQuestions((qs) => [...qs, { prompt: "", weights: {} }])}>
            Add question
          </button>
          <button className="btn btn-primary btn-small" onClick={publish}>Publish new version</button>
        </div>
      </div>
      {message && <p role="status" className="mb-4">{message}</p>}
      <table className="w-full">
        <thead>
          <tr className="text-left">
            <th>#</th>
            <th>Prompt (answered 1–5)</th>
            {ARCHETYPES.map((a) => <th key={a}>{label(a)}</th>)}
            <th />
          </tr>
        </thead>
        <tbody>
          {questions.map((q, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <input aria-label={`Question ${i + 1} prompt`} className="w-full border p-1" value={q.prompt} onChange={(e) => update(i, { prompt: e.target.value })} />
              </td>
              {ARCHETYPES.map((a) => (
                <td key={a}>
                  <input
                    aria-label={`Question ${i + 1} ${label(a)} weight`}
                    type="number" min={0} max={1} step={0.1} className="w-16 border p-1"
                    value={q.weights[a] ?? 0}
                    onChange={(e) => setWeight(i, a, e.target.value)}
                  />
                </td>
              ))}
              <td>
                <button className="btn btn-secondary btn-small" onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}>Remove</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

const AffinityEditor = () => {
  const [archetypes, setArchetypes] = useState<any[]>([])
  const [categories, setCategories] = useState<any[]>([])
  const [draft, setDraft] = useState({ archetype: "guardian", category_id: "", weight: "0.8" })
  const [message, setMessage] = useState<string | null>(null)

  const load = () => adminApi("GET", "/archetype/affinities").then((r) => setArchetypes(r.archetypes))
  useEffect(() => {
    load().catch((e) => setMessage(e.message))
    adminApi("GET", "/product-categories?limit=200")
      .then((r) => setCategories(r.product_categories ?? []))
      .catch((e) => setMessage(e.message))
  }, [])

  const save = async (affinities: Array<{ archetype: string; category_id: string; weight: number }>) => {
    setMessage(null)
    try {
      setArchetypes((await adminApi("POST", "/archetype/affinities", { affinities })).archetypes)
      setMessage("Saved")
    } catch (e: any) {
      setMessage(e.message)
    }
  }

  return (
    <section className="mb-8" aria-labelledby="affinity-heading">
      <h2 id="affinity-heading" className="inter-large-semibold mb-4">Archetype → category weights</h2>
      {message && <p role="status" className="mb-4">{message}</p>}
      <div className="grid grid-cols-2 gap-4">
        {archetypes.map((a) => (
          <div key={a.archetype} className="border-grey-20 rounded-rounded border p-4">
            <h3 className="inter-base-semibold">{a.name}</h3>
            <ul>
              {a.categories.map((c: any) => (
                <li key={c.category_id} className="flex items-center justify-between">
                  <span>{c.category_name}</span>
                  <span className="flex gap-2">
                    <input
                      aria-label={`${a.name} weight for ${c.category_name}`}
                      type="number" min={0} max={1} step={0.1} className="w-16 border p-1"
                      defaultValue={c.weight}
                      onBlur={(e) => save([{ archetype: a.archetype, category_id: c.category_id, weight: Number(e.target.value) }])}
                    />
                    <button className="btn btn-secondary btn-small" onClick={() => save([{ archetype: a.archetype, category_id: c.category_id, weight: 0 }])}>
                      Remove
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <form
        className="mt-4 flex gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          save([{ archetype: draft.archetype, category_id: draft.category_id, weight: Number(draft.weight) }])
        }}
      >
        <select aria-label="Archetype" value={draft.archetype} onChange={(e) => setDraft({ ...draft, archetype: e.target.value })}>
          {ARCHETYPES.map((a) => <option key={a} value={a}>{label(a)}</option>)}
        </select>
        <select aria-label="Category" value={draft.category_id} onChange={(e) => setDraft({ ...draft, category_id: e.target.value })}>
          <option value="">Choose a category</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <input aria-label="Weight" type="number" min={0} max={1} step={0.1} value={draft.weight} onChange={(e) => setDraft({ ...draft, weight: e.target.value })} />
        <button className="btn btn-primary btn-small" type="submit">Add weight</button>
      </form>
    </section>
  )
}

const Distribution = () => {
  const [distribution, setDistribution] = useState<any | null>(null)
  useEffect(() => {
    adminApi("GET", "/archetype/distribution").then((r) => setDistribution(r.distribution)).catch(() => setDistribution(null))
  }, [])
  if (!distribution) return null
  return (
    <section aria-labelledby="distribution-heading">
      <h2 id="distribution-heading" className="inter-large-semibold mb-4">
        Customers by archetype ({distribution.total_customers} customers, {distribution.anonymous_results} anonymous results)
      </h2>
      <svg role="img" aria-label="Customers by archetype" width="100%" height={ARCHETYPES.length * 36} viewBox={`0 0 400 ${ARCHETYPES.length * 36}`}>
        {distribution.archetypes.map((a: any, i: number) => (
          <g key={a.archetype} transform={`translate(0, ${i * 36})`}>
            <text x={0} y={20} fontSize={13}>{a.name}</text>
            <rect x={90} y={6} height={20} width={Math.max(2, (a.share / 100) * 250)} fill="#1c5a45" />
            <text x={96 + Math.max(2, (a.share / 100) * 250)} y={20} fontSize={12}>{a.customers} ({a.share}%)</text>
          </g>
        ))}
      </svg>
    </section>
  )
}

const ArchetypePage = () => {
  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
      <h1 className="inter-xlarge-semibold mb-6">Archetype quiz</h1>
      <QuizEditor />
      <AffinityEditor />
      <Distribution />
    </div>
  )
}

export const config: RouteConfig = {
  link: { label: "Archetype quiz" },
}

export default ArchetypePage
