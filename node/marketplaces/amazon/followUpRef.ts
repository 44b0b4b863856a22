/**
 * What a PENDING Amazon submission hands to `followUp`: the seller SKU, the
 * submission id, when it was submitted (Amazon's `lastUpdatedDate` after it
 * means the submission was processed) and whether the listing should be
 * buyable afterwards (a quantity of 0 makes it unbuyable on purpose).
 */
export interface SubmissionRef {
  sku: string
  submissionId: string
  submittedAt: number
  expectBuyable: boolean
}

const VERSION = 'amz1'

export const encodeRef = (r: SubmissionRef) =>
  [
    VERSION,
    encodeURIComponent(r.sku),
    encodeURIComponent(r.submissionId),
    String(r.submittedAt),
    r.expectBuyable ? '1' : '0',
  ].join('|')

/** The ref, or null when it is not one this adapter wrote. */
export function decodeRef(ref: string): SubmissionRef | null {
  const parts = typeof ref === 'string' ? ref.split('|') : []

  if (parts.length !== 5 || parts[0] !== VERSION) return null
  const [, sku, submissionId, at, buyable] = parts
  const submittedAt = Number(at)

  try {
    const r = {
      sku: decodeURIComponent(sku),
      submissionId: decodeURIComponent(submissionId),
      submittedAt,
      expectBuyable: buyable === '1',
    }

    return r.sku &&
      r.submissionId &&
      Number.isSafeInteger(submittedAt) &&
      (buyable === '0' || buyable === '1')
      ? r
      : null
  } catch {
    return null
  }
}
