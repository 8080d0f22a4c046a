/**
 * Runs a plugin's command line (`npx pva-catalog`, `npx pva-chain-sync`): exits with the
 * code `main` returns, or prints its error after the command's name and exits 1.
 * Use as `if (require.main === module) runCli("pva-x", main)`.
 */
export function runCli(name: string, main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    }
  )
}

/**
 * A command's progress on stderr: redrawn in place on a terminal (at most ten times a
 * second), a line a second when stderr is a log file.
 */
export class ProgressBar {
  private readonly started = Date.now()
  private lastDraw = 0
  private readonly tty = Boolean(process.stderr.isTTY)

  /** Seconds since the bar was made; never 0, so rates can divide by it. */
  get seconds(): number {
    return Math.max(0.001, (Date.now() - this.started) / 1000)
  }

  /** `share` is done, from 0 to 1; `detail` follows the percentage. `force` draws even when the last draw was just now. */
  draw(share: number, detail: string, force = false): void {
    const now = Date.now()
    if (!force && now - this.lastDraw < (this.tty ? 100 : 1000)) return
    this.lastDraw = now
    const bar = "#".repeat(Math.round(share * 30)).padEnd(30, ".")
    const line = `[${bar}] ${(share * 100).toFixed(1).padStart(5)}%  ${detail}`
    process.stderr.write(this.tty ? `\r${line}` : `${line}\n`)
  }

  /** Ends the bar's line and prints `summary` under it. */
  finish(summary: string): void {
    process.stderr.write(`${this.tty ? "\n" : ""}${summary}\n`)
  }
}
