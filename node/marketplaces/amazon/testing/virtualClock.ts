/**
 * Virtual time for tests: `sleep` resolves when the clock is moved past it,
 * `run` moves the clock from timer to timer until nothing is waiting, so
 * minutes of paced calls run in milliseconds and deterministically. The
 * emulators take the same clock (`{ now }`).
 */
/** Lets every promise chain started so far run until it waits on a timer (no real I/O here). */
const flush = async () => {
  for (let i = 0; i < 3; i++)
    await new Promise<void>((resolve) => setImmediate(() => resolve()))
}

export class VirtualClock {
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = []
  private seq = 0

  constructor(public t: number) {}

  now = () => this.t

  sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      this.timers.push({
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        resolve,
      })
    })

  advance(ms: number) {
    this.t += ms
  }

  /** Runs every pending timer in time order (and what they start), up to `limit` steps. */
  async run(limit = 1_000_000) {
    for (let n = 0; n < limit; n++) {
      await flush()
      if (!this.timers.length) return
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const { at } = this.timers[0]
      const due = this.timers.filter((x) => x.at === at)

      this.timers = this.timers.slice(due.length)
      this.t = Math.max(this.t, at)
      due.forEach((x) => x.resolve())
    }

    throw new Error(`VirtualClock: more than ${limit} steps`)
  }
}
