import { useQuery } from 'react-apollo'

import VTEX_CHANNELS from '../graphql/vtexChannels.graphql'
import type { VtexChannelsQuery } from '../graphql/generated'

export type VtexChannels = VtexChannelsQuery['vtexChannels']

/** The store's affiliates and trade policies, read from VTEX as the admin (null while loading). */
export function useVtexChannels(): VtexChannels | null {
  const { data } = useQuery<VtexChannelsQuery>(VTEX_CHANNELS, {
    fetchPolicy: 'cache-and-network',
  })

  return data?.vtexChannels ?? null
}
