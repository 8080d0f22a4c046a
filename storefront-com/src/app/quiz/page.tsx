"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { errorMessage } from "@pva/storefront-core"
import { attachArchetype } from "@/lib/actions/account"
import { useStore } from "@/lib/store-context"
import { LAST_RESULT_KEY } from "@/modules/quiz/last-result"
import { QuizFlow } from "@/modules/quiz/quiz-flow"

export default function QuizPage() {
  const { medusa, ready, customer, setResultToken } = useStore()
  const router = useRouter()
  const [quiz, setQuiz] = useState<any | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!ready) return
    medusa().then((client) => client.client.request("GET", "/store/archetype/quiz")).then((r: any) => setQuiz(r.quiz)).catch((err: any) => setError(errorMessage(err)))
  }, [ready, medusa])

  const submit = async (answers: Array<{ question_id: string; value: number }>) => {
    try {
      const client = await medusa()
      const res: any = await client.client.request("POST", "/store/archetype/results", { quiz_id: quiz.id, answers })
      // The result is scored anonymously; a signed-in customer keeps it through the server.
      if (res.result_token) {
        if (customer) await attachArchetype(res.result_token)
        else setResultToken(res.result_token)
      }
      window.sessionStorage.setItem(LAST_RESULT_KEY, JSON.stringify(res.result))
      router.push("/quiz/result")
    } catch (err) {
      throw new Error(errorMessage(err))
    }
  }

  return (
    <div className="container section" style={{ maxWidth: 760 }}>
      <h1>{quiz?.title ?? "Archetype quiz"}</h1>
      <p className="muted">How much do you agree? 1 is strongly disagree, 5 is strongly agree.</p>
      {error && <p role="alert" className="alert">{error}</p>}
      {quiz && <QuizFlow questions={quiz.questions} onSubmit={submit} />}
    </div>
  )
}
