// Shapes the rollup's rows into the dashboard's sales panel: per day with net, and totals
// per currency. Pure; amounts are added as BigInt.
import { minorUnits } from "./money"

export type SalesRow = {
  day: string
  sales_channel_id: string
  currency_code: string
  orders: number
  canceled: number
  gross: string
  refunded: string
}

export type SalesDay = {
  day: string
  sales_channel_id: string | null
  currency_code: string
  orders: number
  canceled: number
  gross: number
  refunded: number
  net: number
}

export type CurrencyTotals = { currency_code: string; orders: number; canceled: number; gross: number; refunded: number; net: number }

export function salesPanel(rows: SalesRow[]): { per_day: SalesDay[]; totals: CurrencyTotals[] } {
  const sums = new Map<string, { orders: number; canceled: number; gross: bigint; refunded: bigint }>()
  const per_day = rows.map((r) => {
    const gross = BigInt(r.gross)
    const refunded = BigInt(r.refunded)
    const sum = sums.get(r.currency_code) ?? { orders: 0, canceled: 0, gross: 0n, refunded: 0n }
    sum.orders += r.orders
    sum.canceled += r.canceled
    sum.gross += gross
    sum.refunded += refunded
    sums.set(r.currency_code, sum)
    return {
      day: r.day,
      sales_channel_id: r.sales_channel_id === "" ? null : r.sales_channel_id,
      currency_code: r.currency_code,
      orders: r.orders,
      canceled: r.canceled,
      gross: minorUnits(gross),
      refunded: minorUnits(refunded),
      net: minorUnits(gross - refunded),
    }
  })
  const totals = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, s]) => ({
      currency_code,
      orders: s.orders,
      canceled: s.canceled,
      gross: minorUnits(s.gross),
      refunded: minorUnits(s.refunded),
      net: minorUnits(s.gross - s.refunded),
    }))
  return { per_day, totals }
}
