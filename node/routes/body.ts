import {
  bodyTooLarge,
  declaredTooLarge,
  isJsonMediaType,
  parseJsonText,
  unsupportedMediaType,
} from '../domain/requestBody'

/**
 * Reads a JSON body under the route rules (domain/requestBody.ts): 415 for
 * another media type and 413 past `maxBytes`, both before the body is read
 * when the headers say so; 400 for what is not JSON.
 */
export async function readJson(
  ctx: Context,
  maxBytes: number
): Promise<unknown> {
  const type = ctx.get('content-type')

  if (!isJsonMediaType(type)) throw unsupportedMediaType(type)
  if (declaredTooLarge(ctx.get('content-length'), maxBytes))
    throw bodyTooLarge(maxBytes)
  const chunks: Buffer[] = []
  let size = 0

  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw bodyTooLarge(maxBytes)
    chunks.push(chunk as Buffer)
  }

  return parseJsonText(Buffer.concat(chunks).toString('utf8'))
}
