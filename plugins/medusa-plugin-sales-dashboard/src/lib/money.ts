/**
 * A sum of minor units from Postgres (bigint, as text) as a JSON integer. Sums stay exact:
 * they are added as BigInt and refused past 2^53 rather than rounded.
 */
export function minorUnits(text: string | bigint): number {
  const value = typeof text === "bigint" ? text : BigInt(text)
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new Error(`An amount of ${value} minor units is too large to answer exactly`)
  return n
}
