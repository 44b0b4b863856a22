/** TAB:marketplace:entityId → its parts (the API's log id). */
export function parseLogIdParts(id: string) {
  const [tab = '', marketplace = '', entityId = ''] = id.split(':')

  return { tab, marketplace, entityId }
}
