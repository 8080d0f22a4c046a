/**
 * What a server action answers. Next hides a thrown error's message in production, so
 * actions return Medusa's 4xx message instead of throwing it.
 */
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; status: number; message: string }

const UNREACHABLE = "The shop could not reach its server. Please try again."

export async function attempt<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() }
  } catch (err: any) {
    return failure(err)
  }
}

/** A 4xx keeps Medusa's message; anything else says so plainly, with no internals. */
export function failure(err: any): { ok: false; status: number; message: string } {
  const status: number = err?.response?.status ?? 502
  const message: string | undefined = err?.response?.data?.message
  if (status >= 400 && status < 500) return { ok: false, status, message: message || "That request was not accepted." }
  return { ok: false, status, message: UNREACHABLE }
}

export const rejected = (status: number, message: string): ActionResult<never> => ({ ok: false, status, message })

/** The data of a successful result; a failed one throws its message for the form to show. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw Object.assign(new Error(result.message), { status: result.status })
  return result.data
}

/** The message Medusa put in a 4xx, or a plain one; never a stack trace. */
export function errorMessage(err: any, fallback = "Something went wrong. Please try again."): string {
  return err?.response?.data?.message || err?.message || fallback
}
