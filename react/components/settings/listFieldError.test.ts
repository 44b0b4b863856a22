import { listFieldError } from './listFieldError'

describe('listFieldError', () => {
  const errors: Record<string, string> = {
    'ids.3': 'Bad id',
    'types.2.productType': 'Required',
    'types.4.categoryId': 'Duplicate',
  }

  const at = (p: string) => errors[p]

  it("finds the list's own error first, else its first entry's", () => {
    expect(listFieldError(at, 'ids')).toBe('Bad id')
    expect(listFieldError(at, 'types', ['categoryId', 'productType'])).toBe(
      'Required'
    )
    expect(
      listFieldError((p) => (p === 'types' ? 'Too many' : at(p)), 'types', [
        'categoryId',
      ])
    ).toBe('Too many')
    expect(listFieldError(at, 'other', ['a'])).toBeUndefined()
  })
})
