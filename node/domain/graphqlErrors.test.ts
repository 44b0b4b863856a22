import {
  argumentAt,
  preExecutionErrorOf,
  queryErrorOf,
  requestRefusalOf,
  variableErrorOf,
} from './graphqlErrors'

const gqlError = (message: string, line = 1, column = 1) => ({
  name: 'GraphQLError',
  message,
  locations: [{ line, column }],
})

const summary = (r: ReturnType<typeof requestRefusalOf>) =>
  r && {
    status: r.status,
    errors: r.errors.map((e) => ({
      code: e.extensions.code,
      reason: e.extensions.reason,
      fields: e.extensions.fields.map((f) => `${f.field}:${f.code}`),
    })),
  }

describe('GraphQL requests refused before execution', () => {
  it('a body too large is a 413', () => {
    expect(
      summary(
        requestRefusalOf(
          {
            name: 'PayloadTooLargeError',
            status: 413,
            type: 'entity.too.large',
          },
          undefined
        )
      )
    ).toEqual({
      status: 413,
      errors: [
        {
          code: 'BAD_USER_INPUT',
          reason: 'BODY_TOO_LARGE',
          fields: ['body:TOO_LONG'],
        },
      ],
    })
  })

  it('a body that is not JSON is a 400', () => {
    expect(
      summary(requestRefusalOf({ name: 'SyntaxError', status: 400 }, undefined))
        ?.errors[0].reason
    ).toBe('INVALID_JSON')
  })

  it('no query, an empty one, or a body that is not an object', () => {
    for (const body of [
      {},
      { query: '' },
      { query: '   ' },
      { query: 3 },
      [],
      'x',
    ])
      expect(summary(requestRefusalOf(new TypeError('x'), body))).toEqual({
        status: 400,
        errors: [
          {
            code: 'BAD_USER_INPUT',
            reason: 'INVALID_QUERY',
            fields: ['query:REQUIRED'],
          },
        ],
      })
  })

  it('syntax and validation errors, one contract error each', () => {
    const query = '{ integrationLogs(tab: NOPE, first: 99999999999) { nope } }'

    expect(
      summary(
        requestRefusalOf(
          [
            gqlError('Expected type Tab, found NOPE.', 1, 24),
            gqlError('Expected type Int, found 99999999999.', 1, 37),
            gqlError('Cannot query field "nope" on type "LogPage".', 1, 52),
          ],
          { query }
        )
      )
    ).toEqual({
      status: 400,
      errors: [
        {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_QUERY',
          fields: ['tab:UNKNOWN'],
        },
        {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_QUERY',
          fields: ['first:OUT_OF_RANGE'],
        },
        {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_QUERY',
          fields: ['nope:UNKNOWN'],
        },
      ],
    })
  })

  it('anything else is not the client’s fault', () => {
    expect(
      requestRefusalOf(new Error('VBase is down'), { query: '{ a }' })
    ).toBeNull()
    expect(requestRefusalOf(new Error('socket hang up'), undefined)).toBeNull()
  })
})

describe('naming the field', () => {
  it('finds the argument a literal belongs to', () => {
    const source = 'query {\n  integrationLog(id: null) { id }\n}'

    expect(argumentAt(source, { line: 2, column: 21 })).toBe('id')
    expect(
      argumentAt('mutation { removeLogs(ids: ["a", { id: 1 }]) { removed } }', {
        line: 1,
        column: 34,
      })
    ).toBe('ids')
    expect(argumentAt(source, { line: 9, column: 1 })).toBeNull()
    expect(argumentAt(source, undefined)).toBeNull()
  })

  it('reads graphql-js messages', () => {
    const fields = (m: string, line = 1, column = 1, source = '') =>
      queryErrorOf(gqlError(m, line, column), source).extensions.fields

    expect(
      fields(
        'Field "integrationLog" argument "id" of type "ID!" is required, but it was not provided.'
      )
    ).toEqual([{ field: 'id', code: 'REQUIRED' }])
    expect(
      fields(
        'Unknown argument "bad" on field "integrationLog" of type "Query".'
      )
    ).toEqual([{ field: 'bad', code: 'UNKNOWN' }])
    expect(fields('Syntax Error: Unexpected <EOF>')).toEqual([
      { field: 'query', code: 'INVALID_FORMAT' },
    ])
    expect(
      fields(
        'Expected type ID!, found null.',
        1,
        22,
        '{ integrationLog(id: null) { id } }'
      )
    ).toEqual([{ field: 'id', code: 'REQUIRED' }])
  })

  it('reads variable coercion errors', () => {
    const of = (m: string) => {
      const e = variableErrorOf(m).extensions

      return [e.reason, ...e.fields.map((f) => `${f.field}:${f.code}`)]
    }

    expect(
      of(
        'Variable "$n" got invalid value 1000000000000; Expected type Int. Int cannot represent non 32-bit signed integer value: 1000000000000'
      )
    ).toEqual(['INVALID_VARIABLES', 'n:OUT_OF_RANGE'])
    expect(
      of('Variable "$t" got invalid value "NOPE"; Expected type Tab.')
    ).toEqual(['INVALID_VARIABLES', 't:UNKNOWN'])
    expect(
      of('Variable "$id" of required type "ID!" was not provided.')
    ).toEqual(['INVALID_VARIABLES', 'id:REQUIRED'])
    expect(
      of('Variable "$id" of non-null type "ID!" must not be null.')
    ).toEqual(['INVALID_VARIABLES', 'id:REQUIRED'])
    expect(
      of(
        'Variable "$f" got invalid value "x"; Expected type Boolean. Boolean cannot represent a non boolean value: "x"'
      )
    ).toEqual(['INVALID_VARIABLES', 'f:INVALID_FORMAT'])
  })
})

describe('errors before execution that are not about variables', () => {
  it('an operation graphql-js cannot pick is an invalid query', () => {
    expect(
      preExecutionErrorOf('Unknown operation named "nope".').extensions
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_QUERY',
      fields: [{ field: 'operationName', code: 'INVALID_FORMAT' }],
    })
    expect(
      preExecutionErrorOf(
        'Variable "$id" of required type "ID!" was not provided.'
      ).extensions.reason
    ).toBe('INVALID_VARIABLES')
  })
})
