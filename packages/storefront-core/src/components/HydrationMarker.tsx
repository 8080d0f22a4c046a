"use client"
import { useEffect } from "react"

/** The attribute `<html>` carries once React has hydrated the page: its buttons and forms answer from then on. */
export const HYDRATED_ATTRIBUTE = "data-hydrated"

/**
 * Marks the page hydrated. Rendered last in a root layout, its effect runs once the whole server-rendered
 * page is React's; the browser journeys wait for it, since the shop loads its scripts after the first paint.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, "")
  }, [])
  return null
}
