"use client"

import { useEffect, useState } from "react"
import { formatCountdown, secondsLeft } from "@/lib/market/schedule"

/**
 * Time left until `endsAt`. The server renders it as of the request, so the page reads right
 * without scripts; in the browser it ticks every second.
 */
export function Countdown({ endsAt, renderedAt }: { endsAt: string | null; renderedAt: number }) {
  const [now, setNow] = useState(renderedAt)
  useEffect(() => {
    if (!endsAt) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [endsAt])
  const seconds = secondsLeft(endsAt, now)
  return (
    <time className="countdown" dateTime={endsAt ?? undefined} data-testid="time-left" suppressHydrationWarning>
      {formatCountdown(seconds)}
    </time>
  )
}
