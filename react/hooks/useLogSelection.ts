import { useEffect, useState } from 'react'

/**
 * The rows selected for a bulk action. Cleared when the list changes (another
 * tab or filter): a selection the admin can no longer see is not acted on.
 */
export function useLogSelection(listKey: string, pageIds: string[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set())

  useEffect(() => setSelected(new Set()), [listKey])

  const allOnPage =
    pageIds.length > 0 && pageIds.every((id) => selected.has(id))
  const someOnPage = pageIds.some((id) => selected.has(id))

  return {
    selected,
    size: selected.size,
    isSelected: (id: string) => selected.has(id),
    /** true, false or "mixed", for the page's checkbox. */
    pageState: allOnPage ? true : someOnPage ? ('mixed' as const) : false,
    toggle: (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev)

        if (next.has(id)) next.delete(id)
        else next.add(id)

        return next
      }),
    togglePage: () =>
      setSelected((prev) => {
        const next = new Set(prev)

        for (const id of pageIds) {
          if (allOnPage) next.delete(id)
          else next.add(id)
        }

        return next
      }),
    clear: () => setSelected(new Set()),
  }
}
