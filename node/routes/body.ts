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

  if (!isJsonMediaType(type)) {
    await drain(ctx.req)
    throw unsupportedMediaType(type)
  }

  if (declaredTooLarge(ctx.get('content-length'), maxBytes)) {
    await drain(ctx.req)
    throw bodyTooLarge(maxBytes)
  }

  const chunks: Buffer[] = []
  let size = 0

  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) {
      await drain(ctx.req)
      throw bodyTooLarge(maxBytes)
    }

    chunks.push(chunk as Buffer)
  }

  return parseJsonText(Buffer.concat(chunks).toString('utf8'))
}

/**
 * Reads and discards what is left of a request body (at most `maxBytes`,
 * `ms`) before a refusal is answered: a server that answers and closes with
 * unread data makes the client's TCP stack drop the answer (a reset). Past
 * the bounds the connection is simply closed.
 */
export function drain(
  req: NodeJS.ReadableStream & {
    readableEnded?: boolean
    destroy?: () => void
  },
  maxBytes = 16 * 1024 * 1024,
  ms = 5000
): Promise<void> {
  if (req.readableEnded) return Promise.resolve()

  return new Promise((resolve) => {
    let seen = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    let onData: (chunk: Buffer) => void = () => undefined
    const done = () => {
      if (timer) clearTimeout(timer)
      req.removeListener('data', onData)
      resolve()
    }

    onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > maxBytes) {
        req.destroy?.()
        done()
      }
    }

    timer = setTimeout(() => {
      req.destroy?.()
      done()
    }, ms)
    req.on('data', onData)
    req.once('end', done)
    req.once('error', done)
    req.resume()
  })
}
