import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { QuizFlow } from "../quiz-flow"

const questions = [
  { id: "q1", position: 1, prompt: "I would rather own one heirloom piece." },
  { id: "q2", position: 2, prompt: "I collect objects from my travels." },
  { id: "q3", position: 3, prompt: "I compare carat and clarity before buying." },
]

describe("quiz flow", () => {
  it("asks one question at a time with progress, and submits every answer in order", async () => {
    const onSubmit = jest.fn()
    const user = userEvent.setup()
    render(<QuizFlow questions={questions} onSubmit={onSubmit} />)

    expect(screen.getByText("Question 1 of 3")).toBeInTheDocument()
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1")
    expect(screen.getByRole("group", { name: questions[0].prompt })).toBeInTheDocument()
    expect(screen.queryByText(questions[1].prompt)).not.toBeInTheDocument()

    await user.click(screen.getByRole("radio", { name: /5 Strongly agree/ }))
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByText("Question 2 of 3")).toBeInTheDocument()
    await user.click(screen.getByRole("radio", { name: /2 Disagree/ }))
    await user.click(screen.getByRole("button", { name: "Next" }))
    await user.click(screen.getByRole("radio", { name: /4 Agree/ }))
    await user.click(screen.getByRole("button", { name: "See my archetype" }))

    expect(onSubmit).toHaveBeenCalledWith([
      { question_id: "q1", value: 5 },
      { question_id: "q2", value: 2 },
      { question_id: "q3", value: 4 },
    ])
  })

  it("will not move on without an answer", async () => {
    const user = userEvent.setup()
    render(<QuizFlow questions={questions} onSubmit={jest.fn()} />)
    await user.click(screen.getByRole("button", { name: "Next" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Choose an answer to continue.")
    expect(screen.getByText("Question 1 of 3")).toBeInTheDocument()
  })

  it("works from the keyboard alone: arrows choose, Enter moves on, Back keeps answers", async () => {
    const onSubmit = jest.fn()
    const user = userEvent.setup()
    render(<QuizFlow questions={questions} onSubmit={onSubmit} />)

    expect(screen.getByText(questions[0].prompt)).toHaveFocus()
    await user.tab()
    expect(screen.getByRole("radio", { name: /1 Strongly disagree/ })).toHaveFocus()
    await user.keyboard("{ArrowRight}{ArrowRight}")
    expect(screen.getByRole("radio", { name: /3 Neutral/ })).toBeChecked()
    await user.keyboard("{Enter}")
    expect(screen.getByText("Question 2 of 3")).toBeInTheDocument()

    await user.click(screen.getByRole("button", { name: "Back" }))
    expect(screen.getByRole("radio", { name: /3 Neutral/ })).toBeChecked()
  })

  it("shows why scoring failed and lets the shopper try again", async () => {
    const onSubmit = jest.fn().mockRejectedValueOnce(new Error("quiz_id is not the active quiz")).mockResolvedValueOnce(undefined)
    const user = userEvent.setup()
    render(<QuizFlow questions={[questions[0]]} onSubmit={onSubmit} />)
    await user.click(screen.getByRole("radio", { name: /4 Agree/ }))
    await user.click(screen.getByRole("button", { name: "See my archetype" }))
    expect(await screen.findByRole("alert")).toHaveTextContent("quiz_id is not the active quiz")
    await user.click(screen.getByRole("button", { name: "See my archetype" }))
    expect(onSubmit).toHaveBeenCalledTimes(2)
  })
})
