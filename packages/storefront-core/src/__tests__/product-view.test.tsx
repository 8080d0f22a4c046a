import { StrictMode } from "react"
import { act, render } from "@testing-library/react"
import { useProductView } from "../product-view"

function Page({ productId, record }: { productId: string | null; record: (id: string) => Promise<unknown> }) {
  useProductView(productId, record)
  return <h1>{productId}</h1>
}

/** The next frame (painted), then the task it queued. */
const paint = () => act(() => void jest.advanceTimersByTime(50))

describe("a product page's view", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it("is recorded once, after the page has painted, even under strict mode's double mount", async () => {
    const record = jest.fn(() => Promise.resolve())
    const { rerender } = render(<StrictMode><Page productId="prod_1" record={record} /></StrictMode>)
    expect(record).not.toHaveBeenCalled()
    await paint()
    expect(record.mock.calls).toEqual([["prod_1"]])
    rerender(<StrictMode><Page productId="prod_1" record={record} /></StrictMode>)
    await paint()
    expect(record).toHaveBeenCalledTimes(1)
  })

  it("counts another product shown in the same page, and nothing without a product", async () => {
    const record = jest.fn(() => Promise.resolve())
    const { rerender } = render(<Page productId={null} record={record} />)
    await paint()
    expect(record).not.toHaveBeenCalled()
    rerender(<Page productId="prod_2" record={record} />)
    await paint()
    expect(record.mock.calls).toEqual([["prod_2"]])
  })

  it("waits for the page's load event", async () => {
    const readyState = jest.spyOn(document, "readyState", "get").mockReturnValue("interactive")
    const record = jest.fn(() => Promise.resolve())
    render(<Page productId="prod_3" record={record} />)
    await paint()
    expect(record).not.toHaveBeenCalled()
    readyState.mockReturnValue("complete")
    window.dispatchEvent(new Event("load"))
    await paint()
    expect(record).toHaveBeenCalledTimes(1)
    readyState.mockRestore()
  })

  it("is not recorded when the page is left before it painted", async () => {
    const record = jest.fn(() => Promise.resolve())
    const { unmount } = render(<Page productId="prod_4" record={record} />)
    unmount()
    await paint()
    expect(record).not.toHaveBeenCalled()
  })

  it("ignores a failed recording: the page goes on", async () => {
    const record = jest.fn(() => Promise.reject(new Error("429")))
    const thrown = jest.fn(() => {
      throw new Error("offline")
    })
    render(<><Page productId="prod_5" record={record} /><Page productId="prod_6" record={thrown} /></>)
    await paint()
    await act(() => Promise.resolve())
    expect(record).toHaveBeenCalledTimes(1)
    expect(thrown).toHaveBeenCalledTimes(1)
  })
})
