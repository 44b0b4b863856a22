'use strict'

/**
 * What the benchmarks measure about processes, read from Linux's /proc so
 * the worker needs no cooperation (it may be running under --cpu-prof):
 * CPU time (utime + stime of every thread, /proc/<pid>/stat), resident
 * memory sampled every 100 ms (VmRSS) and the kernel's exact high-water mark
 * (VmHWM, /proc/<pid>/status), the benchmark process's own CPU (the emulator
 * and the load generator run in it) and the whole machine's busy time
 * (/proc/stat), which shows how much other processes took meanwhile.
 */
const fs = require('fs')
const { execFileSync } = require('child_process')

let ticksPerSecond = null

function clockTicks() {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(
        execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()
      )
    } catch {
      ticksPerSecond = 100
    }
  }

  return ticksPerSecond
}

/** CPU ms (user + system, all threads) of a process, or null when it is gone. */
function processCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const utime = Number(fields[11])
    const stime = Number(fields[12])

    return ((utime + stime) * 1000) / clockTicks()
  } catch {
    return null
  }
}

/** { rssMb, hwmMb } of a process from /proc/<pid>/status, or null when it is gone. */
function processMemoryMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)

      return m ? Number(m[1]) : 0
    }

    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 }
  } catch {
    return null
  }
}

/** The machine's { busyMs, totalMs } over all cores since boot (/proc/stat). */
function machineCpuMs() {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n')
    const t = line.trim().split(/\s+/).slice(1).map(Number)
    const total = t.reduce((a, b) => a + b, 0)
    // idle + iowait are not busy.
    const idle = t[3] + (t[4] || 0)
    const ms = (ticks) => (ticks * 1000) / clockTicks()

    return { busyMs: ms(total - idle), totalMs: ms(total) }
  } catch {
    return null
  }
}

/** The monotonic clock in µs: the clock V8's CPU profiles are stamped with. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n)

const ownCpuMs = () => {
  const u = process.cpuUsage()

  return (u.user + u.system) / 1000
}

const round = (n, digits = 1) =>
  n == null ? null : Math.round(n * 10 ** digits) / 10 ** digits

/**
 * Starts measuring the processes `pids()` names (asked again at every
 * sample, so a restarted worker is followed) and this process. stop() gives
 * { workerCpuMs, peakRssMb (the largest VmHWM of any worker), sampledPeakRssMb
 * (the largest 100 ms VmRSS sample), perWorker, ownCpuMs, machineBusyMs,
 * machineCores, wallMs, fromUs, toUs }. CPU is counted from start() to stop(); a process
 * that exited in between counts up to its last sample.
 */
function startProbe(pids, { everyMs = 100 } = {}) {
  const startedAt = Date.now()
  const fromUs = monotonicUs()
  const ownStart = ownCpuMs()
  const machineStart = machineCpuMs()
  /** pid -> { first, last, sampledPeakMb, hwmMb } */
  const seen = new Map()

  const sample = () => {
    for (const pid of pids()) {
      const cpu = processCpuMs(pid)
      const mem = processMemoryMb(pid)

      if (cpu === null || mem === null) continue
      let s = seen.get(pid)

      if (!s) {
        s = { first: cpu, last: cpu, sampledPeakMb: 0, hwmMb: 0 }
        seen.set(pid, s)
      }

      s.last = cpu
      s.sampledPeakMb = Math.max(s.sampledPeakMb, mem.rssMb)
      s.hwmMb = Math.max(s.hwmMb, mem.hwmMb)
    }
  }

  sample()
  const timer = setInterval(sample, everyMs)

  return {
    stop() {
      sample()
      clearInterval(timer)
      const machineEnd = machineCpuMs()
      const perWorker = [...seen.entries()].map(([pid, s]) => ({
        pid,
        cpuMs: Math.round(s.last - s.first),
        peakRssMb: round(s.hwmMb),
        sampledPeakRssMb: round(s.sampledPeakMb),
      }))

      const wallMs = Date.now() - startedAt
      const toUs = monotonicUs()
      const machine =
        machineStart && machineEnd
          ? {
              busyMs: machineEnd.busyMs - machineStart.busyMs,
              cores: (machineEnd.totalMs - machineStart.totalMs) / wallMs,
            }
          : { busyMs: null, cores: null }

      return {
        wallMs,
        // The window on the monotonic clock (CPU profiles use the same).
        fromUs,
        toUs,
        workerCpuMs: perWorker.reduce((a, w) => a + w.cpuMs, 0),
        peakRssMb: round(Math.max(0, ...perWorker.map((w) => w.peakRssMb))),
        sampledPeakRssMb: round(
          Math.max(0, ...perWorker.map((w) => w.sampledPeakRssMb))
        ),
        perWorker,
        ownCpuMs: Math.round(ownCpuMs() - ownStart),
        machineBusyMs:
          machine.busyMs === null ? null : Math.round(machine.busyMs),
        machineCores: round(machine.cores, 0),
      }
    },
  }
}

/** The machine's load averages (1, 5, 15 min), as `uptime` prints them. */
function loadAverage() {
  return require('os')
    .loadavg()
    .map((n) => round(n, 2))
}

module.exports = {
  startProbe,
  processCpuMs,
  processMemoryMb,
  loadAverage,
  round,
}
