import { formatEth, parseEth, plusBps, shareOf } from "../amounts"

describe("ether amounts as collectors read and type them", () => {
  it("shows wei as ETH with trailing zeros dropped", () => {
    expect(formatEth("1500000000000000000")).toBe("1.5 ETH")
    expect(formatEth("2000000000000000000")).toBe("2 ETH")
    expect(formatEth(250000000000000000n)).toBe("0.25 ETH")
    expect(formatEth("0")).toBe("0 ETH")
  })

  it("never shows a price below what the chain asks: the last decimal rounds up", () => {
    expect(formatEth("1000000000000000001")).toBe("1.0001 ETH")
    expect(formatEth("1999999999999999999")).toBe("2 ETH")
    expect(formatEth("1000000000000000001", 18)).toBe("1.000000000000000001 ETH")
  })

  it("shows a dash for a missing or unreadable amount", () => {
    expect(formatEth(null)).toBe("—")
    expect(formatEth("")).toBe("—")
    expect(formatEth("lots")).toBe("—")
  })

  it("reads what a collector types, exactly, and refuses what is not an amount", () => {
    expect(parseEth("1.5")).toBe(1_500_000_000_000_000_000n)
    expect(parseEth(" 2 ")).toBe(2_000_000_000_000_000_000n)
    expect(parseEth(".25")).toBe(250_000_000_000_000_000n)
    expect(parseEth("0.000000000000000001")).toBe(1n)
    for (const bad of ["", ".", "-1", "1,5", "abc", "1e18", "0.0000000000000000001"]) expect(parseEth(bad)).toBeNull()
  })

  it("computes the next bid step and the royalty/fee shares as the contract rounds them", () => {
    expect(plusBps(1_000_000_000_000_000_000n, 500)).toBe(1_050_000_000_000_000_000n)
    expect(plusBps(3n, 500)).toBe(4n) // rounded up, at least 1 wei
    expect(shareOf(1_000_000_000_000_000_001n, 250)).toBe(25_000_000_000_000_000n) // rounded down
  })
})
