import { dayOrder, dayPattern, formatDay, parseDay } from './localDate'

describe('dates in the admin locale', () => {
  it('reads and writes days in the locale order', () => {
    expect(dayOrder('pt-BR')).toEqual(['day', 'month', 'year'])
    expect(dayOrder('en-US')).toEqual(['month', 'day', 'year'])
    expect(formatDay('2026-11-05', 'pt-BR')).toBe('05/11/2026')
    expect(formatDay('2026-11-05', 'en-US')).toBe('11/05/2026')
    expect(parseDay('05/11/2026', 'pt-BR')).toBe('2026-11-05')
    expect(parseDay('5-11-26', 'es-AR')).toBe('2026-11-05')
    expect(parseDay('11/05/2026', 'en-US')).toBe('2026-11-05')
  })

  it('refuses what is not a day; blank clears', () => {
    expect(parseDay('31/02/2026', 'pt-BR')).toBeNull()
    expect(parseDay('2026', 'pt-BR')).toBeNull()
    expect(parseDay('  ', 'pt-BR')).toBe('')
  })
})

describe('the day pattern placeholder', () => {
  it('follows the locale order with the admin language letters', () => {
    expect(dayPattern('pt-BR', { day: 'd', month: 'm', year: 'a' })).toBe(
      'dd/mm/aaaa'
    )
    expect(dayPattern('en-US', { day: 'd', month: 'm', year: 'y' })).toBe(
      'mm/dd/yyyy'
    )
    expect(dayPattern('ja-JP', { day: 'd', month: 'm', year: 'y' })).toBe(
      'yyyy/mm/dd'
    )
  })
})
