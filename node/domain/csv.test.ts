import { csvField, csvFormat, csvHeader, csvRow } from './csv'

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"\nbye')).toBe('"say ""hi""\nbye"')
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField(null)).toBe('')
    expect(csvField(false)).toBe('false')
  })

  it('one line per row, columns in header order', () => {
    expect(csvHeader()).toBe(
      'id,marketplace,entityId,status,processedAt,attempts,abnormal,latencyMs,message\r\n'
    )
    expect(
      csvRow({
        id: 'PRODUCTS:amazon:1',
        tab: 'PRODUCTS',
        marketplace: 'amazon',
        entityId: '1',
        status: 'ERROR',
        processedAt: '2026-11-23T10:00:00.000Z',
        attempts: 2,
        abnormal: false,
        latencyMs: null,
        message: 'Amazon answered HTTP 400: bad, very bad',
      })
    ).toBe(
      'PRODUCTS:amazon:1,amazon,1,ERROR,2026-11-23T10:00:00.000Z,2,false,,"Amazon answered HTTP 400: bad, very bad"\r\n'
    )
  })
})

describe('CSV in the admin language and time zone', () => {
  const row = {
    id: 'TRACKING:amazon:1',
    tab: 'TRACKING' as const,
    marketplace: 'amazon',
    entityId: '1',
    status: 'ERROR' as const,
    processedAt: '2026-11-23T10:00:00.000Z',
    attempts: 2,
    abnormal: true,
    latencyMs: null,
    message: 'Amazon answered HTTP 400',
  }

  it('translates headers and statuses, and names the zone the times are in', () => {
    const pt = csvFormat('pt-BR', 'America/Sao_Paulo')

    expect(csvHeader(pt, 'TRACKING')).toBe(
      'ID do log,Marketplace,Pedido,Status,Processado em (America/Sao_Paulo),Tentativas,Latência anormal,Latência (ms),Mensagem\r\n'
    )
    expect(csvRow(row, pt)).toBe(
      'TRACKING:amazon:1,amazon,1,Erro,"23/11/2026, 07:00:00",2,Sim,,Amazon answered HTTP 400\r\n'
    )
    expect(csvRow(row, csvFormat('es-AR', 'UTC'))).toMatch(
      /^TRACKING:amazon:1,amazon,1,Error,"?23\/11\/2026,? 10:00:00"?,2,Sí,,/
    )
    expect(csvHeader(csvFormat('fr-FR', 'UTC'), 'PRODUCTS')).toMatch(
      /^Log ID,Marketplace,SKU,Status,Processed at \(UTC\)/
    )
  })

  it('names PENDING and ALERT in the admin language, and as codes in the raw export', () => {
    const pending = { ...row, status: 'PENDING' as const }
    const alert = { ...row, status: 'ALERT' as const }

    expect(csvRow(pending, csvFormat('pt-BR', 'UTC'))).toMatch(
      /^TRACKING:amazon:1,amazon,1,Pendente,/
    )
    expect(csvRow(alert, csvFormat('pt-BR', 'UTC'))).toMatch(
      /^TRACKING:amazon:1,amazon,1,Alerta,/
    )
    expect(csvRow(alert, csvFormat('en-US', 'UTC'))).toMatch(/,Alert,/)
    expect(csvRow(pending, csvFormat('es-AR', 'UTC'))).toMatch(/,Pendiente,/)
    expect(csvRow(alert)).toMatch(/^TRACKING:amazon:1,amazon,1,ALERT,/)
  })

  it('keeps the raw export without the parameters; refuses an unknown zone', () => {
    expect(csvFormat(null, null)).toBeNull()
    expect(() => csvFormat('pt-BR', 'Mars/Olympus')).toThrow(
      expect.objectContaining({
        reason: 'INVALID_CSV_FORMAT',
        fields: [{ field: 'timeZone', code: 'INVALID_FORMAT' }],
      })
    )
    expect(() => csvFormat('<script>', 'UTC')).toThrow(
      expect.objectContaining({ reason: 'INVALID_CSV_FORMAT' })
    )
  })
})
