/** Splits milliseconds into the unit the admin shows: seconds, minutes, or hours and minutes. */
export function durationParts(ms: number): {
  id: 'duration.s' | 'duration.m' | 'duration.hm'
  values: Record<string, number>
} {
  const seconds = Math.round(ms / 1000)

  if (seconds < 60) return { id: 'duration.s', values: { seconds } }
  const minutes = Math.floor(seconds / 60)

  if (minutes < 60) return { id: 'duration.m', values: { minutes } }

  return {
    id: 'duration.hm',
    values: { hours: Math.floor(minutes / 60), minutes: minutes % 60 },
  }
}
