"use client"

import { useEffect, useRef } from "react"

/**
 * Runs `run` once the page has loaded and been painted: after the load event, in a task queued
 * from the next animation frame (that frame is painted before the task runs), so nothing it
 * does competes with the page's first paint or its largest image. Answers a cancel.
 */
export function afterPaint(run: () => void): () => void {
  let frame = 0
  let task: ReturnType<typeof setTimeout> | undefined
  const schedule = () => {
    frame = requestAnimationFrame(() => {
      task = setTimeout(run, 0)
    })
  }
  if (document.readyState === "complete") schedule()
  else window.addEventListener("load", schedule, { once: true })
  return () => {
    window.removeEventListener("load", schedule)
    cancelAnimationFrame(frame)
    clearTimeout(task)
  }
}

/**
 * Counts one view of a product page per visit (the sales dashboard's funnel, `POST
 * /store/product-views`): from the browser only (effects never run while the server renders),
 * after the page has painted, fire and forget: `record` failing (offline, over the rate limit, an
 * unpublished product) changes nothing on the page. A visit is a mount of the page, or another
 * product shown in it; re-renders and React's strict-mode double mount count once.
 */
export function useProductView(productId: string | null | undefined, record: (productId: string) => Promise<unknown>) {
  const latest = useRef(record)
  latest.current = record
  useEffect(() => {
    if (!productId) return
    return afterPaint(() => {
      Promise.resolve()
        .then(() => latest.current(productId))
        .catch(() => undefined)
    })
  }, [productId])
}
