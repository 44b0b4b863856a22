import { createHash } from 'crypto'

/**
 * What may be stored to recognise a secret without storing it: the first
 * 16 hex digits of its SHA-256 (a cached token remembers which credentials
 * it came from: services/tokenKeeper.ts `standing`).
 */
export const fingerprint = (secret: string) =>
  createHash('sha256').update(secret).digest('hex').slice(0, 16)
