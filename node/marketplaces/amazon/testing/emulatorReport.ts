/**
 * What a test file's emulators saw: requests, requests off Amazon's models
 * and answers off the documented shapes. Printed by each file (the figure
 * the brief asks for: "0 invalid") and fatal when not zero.
 */
import type { AmazonEmulatorInstance } from './emulatorTypes'

export function reportEmulators(emulators: AmazonEmulatorInstance[]) {
  const requests = emulators.reduce((n, e) => n + e.stats.requests, 0)
  const invalid = emulators.flatMap((e) => e.invalid)
  const badAnswers = emulators.flatMap((e) => e.badResponses)

  console.log(
    `Amazon emulator: ${requests} SP-API requests validated against the models, ${invalid.length} invalid; ${badAnswers.length} answers off the documented shapes`
  )
  if (invalid.length || badAnswers.length)
    throw new Error(
      `Off the models: ${JSON.stringify({ invalid, badAnswers }, null, 2)}`
    )
}
