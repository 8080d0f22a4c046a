/** A positive number from the environment, or `fallback` when unset; a bad value stops the bench. */
function positive(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

const log = (msg) => console.log(`[bench] ${msg}`)

module.exports = { log, positive }
