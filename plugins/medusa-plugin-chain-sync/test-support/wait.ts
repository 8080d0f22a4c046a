export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000, what = "condition") {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
