import {
  declaredTooLarge,
  isJsonMediaType,
  parseJsonText,
  bodyTooLarge,
  unsupportedMediaType,
} from './requestBody'
import { routeAnswerOf } from './routeErrors'

describe('JSON bodies', () => {
  it('accepts JSON media types only', () => {
    expect(isJsonMediaType('application/json')).toBe(true)
    expect(isJsonMediaType('Application/JSON; charset=utf-8')).toBe(true)
    expect(isJsonMediaType('application/vnd.partner+json')).toBe(true)
    for (const t of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      '',
      undefined,
      'json',
    ])
      expect(isJsonMediaType(t)).toBe(false)
  })

  it('bounds a declared length before reading', () => {
    expect(declaredTooLarge('262145', 262144)).toBe(true)
    expect(declaredTooLarge('262144', 262144)).toBe(false)
    expect(declaredTooLarge(undefined, 10)).toBe(false)
    expect(declaredTooLarge('', 10)).toBe(false)
  })

  it('refuses what is not JSON', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ a: 1 })
    expect(() => parseJsonText('{not json')).toThrow(
      expect.objectContaining({ reason: 'INVALID_JSON' })
    )
  })

  it('each refusal has its HTTP status in the route contract', () => {
    expect(routeAnswerOf(unsupportedMediaType('text/plain')).status).toBe(415)
    expect(routeAnswerOf(bodyTooLarge(1024)).status).toBe(413)
    expect(routeAnswerOf(bodyTooLarge(1024)).body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BODY_TOO_LARGE',
      fields: [{ field: 'body', code: 'TOO_LONG', params: { max: 1024 } }],
    })
  })
})
