import { render, screen } from "@testing-library/react"
import { SharesBar } from "../shares-bar"
import { ValueChart } from "../../account/value-chart"

describe("remaining shares bar", () => {
  it("fills with the sold share of the offering and says how many remain", () => {
    render(<SharesBar total={100} remaining={87} />)
    const bar = screen.getByRole("progressbar", { name: "Shares sold" })
    expect(bar).toHaveAttribute("aria-valuenow", "13")
    expect(bar).toHaveAttribute("aria-valuetext", "87 of 100 shares remaining")
    expect((bar.firstElementChild as HTMLElement).style.width).toBe("13%")
    expect(screen.getByTestId("remaining")).toHaveTextContent("87 of 100 shares remaining")
  })

  it("is full when sold out", () => {
    render(<SharesBar total={10} remaining={0} />)
    expect((screen.getByRole("progressbar").firstElementChild as HTMLElement).style.width).toBe("100%")
  })
})

describe("portfolio value chart", () => {
  it("draws one bar per offering, longest for the largest value, labelled with the amount", () => {
    const { container } = render(
      <ValueChart currencyCode="usd" rows={[{ label: "Imperial Emerald", value: 8125 }, { label: "Kivu Tourmaline", value: 2500 }]} />
    )
    const bars = Array.from(container.querySelectorAll("rect.bar")).map((r) => Number(r.getAttribute("width")))
    expect(bars).toHaveLength(2)
    expect(bars[0]).toBeGreaterThan(bars[1])
    expect(screen.getByText("$81.25")).toBeInTheDocument()
    expect(screen.getByRole("img", { name: "Value by offering" })).toBeInTheDocument()
  })
})
