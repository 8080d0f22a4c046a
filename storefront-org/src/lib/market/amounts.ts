// Wei amounts as people read and type them. The API sends wei as decimal strings; everything
// here stays in bigint so no amount is ever rounded through a float.

const WEI_PER_ETH = 10n ** 18n

/** "1500000000000000000" → "1.5 ETH"; at most `decimals` decimals, trailing zeros dropped. */
export function formatEth(wei: string | bigint | null | undefined, decimals = 4): string {
  if (wei === null || wei === undefined || wei === "") return "—"
  let value: bigint
  try {
    value = typeof wei === "bigint" ? wei : BigInt(wei)
  } catch {
    return "—"
  }
  const negative = value < 0n
  if (negative) value = -value
  const whole = value / WEI_PER_ETH
  const scale = 10n ** BigInt(18 - decimals)
  // Rounded up at the last shown decimal: a price shown is never below what the chain asks.
  const fractionUnits = (value % WEI_PER_ETH + scale - 1n) / scale
  const carry = fractionUnits === 10n ** BigInt(decimals)
  const fraction = carry ? "" : fractionUnits.toString().padStart(decimals, "0").replace(/0+$/, "")
  const shownWhole = carry ? whole + 1n : whole
  return `${negative ? "-" : ""}${shownWhole}${fraction ? `.${fraction}` : ""} ETH`
}

/**
 * What a person typed ("1.5", "0.25", "2") in wei, or null when it is not an amount of ether
 * (letters, negative, more than 18 decimals).
 */
export function parseEth(input: string): bigint | null {
  const text = input.trim()
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text)
  if (!match || text === "" || text === ".") return null
  const [, whole = "", fraction = ""] = match
  if (fraction.length > 18) return null
  return BigInt(whole || "0") * WEI_PER_ETH + BigInt(fraction.padEnd(18, "0") || "0")
}

/** `amount` × (10000 + bps) / 10000, rounded up: the smallest amount that clears a percentage step. */
export function plusBps(amount: bigint, bps: number): bigint {
  const b = BigInt(bps)
  return amount + (amount * b + 9_999n) / 10_000n
}

/** The royalty / fee share of `price`, as the contract rounds it (down). */
export function shareOf(price: bigint, bps: number): bigint {
  return (price * BigInt(bps)) / 10_000n
}
