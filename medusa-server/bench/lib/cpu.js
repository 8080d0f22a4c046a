// CPU time a server process has used, from /proc (Linux). Wall-clock figures on a
// shared 2-core machine move with whatever else runs; CPU per request moves less.
const fs = require("fs")

const USER_HZ = 100 // the clock tick /proc reports in, fixed by the Linux ABI

/** User + system CPU seconds of `pid` so far, or null where /proc is not available. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ // utime, stime
  } catch {
    return null
  }
}

module.exports = { cpuSeconds }
