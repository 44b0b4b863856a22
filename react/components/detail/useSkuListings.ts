import { useMutation, useQuery } from 'react-apollo'

import REMOVE_LISTING from '../../graphql/removeListing.graphql'
import SAVE_LISTING from '../../graphql/saveListing.graphql'
import SKU_LISTINGS from '../../graphql/skuListings.graphql'
import type {
  RemoveListingMutation,
  RemoveListingMutationVariables,
  SaveListingInput,
  SaveListingMutation,
  SaveListingMutationVariables,
  SkuListingsQuery,
  SkuListingsQueryVariables,
} from '../../graphql/generated'

export type SkuListing = SkuListingsQuery['skuListings'][number]

/**
 * A SKU's listings on one marketplace, and the two edits (save, remove);
 * each edit's answer (the SKU's listings) replaces the cached list.
 */
export function useSkuListings(
  marketplace: string,
  skuId: string,
  skip: boolean
) {
  const variables = { marketplace, skuId }
  const query = useQuery<SkuListingsQuery, SkuListingsQueryVariables>(
    SKU_LISTINGS,
    { variables, skip, fetchPolicy: 'cache-and-network' }
  )

  const write = (skuListings: SkuListing[]) =>
    query.client.writeQuery<SkuListingsQuery, SkuListingsQueryVariables>({
      query: SKU_LISTINGS,
      variables,
      data: { skuListings },
    })

  const [save, saving] = useMutation<
    SaveListingMutation,
    SaveListingMutationVariables
  >(SAVE_LISTING)

  const [remove, removing] = useMutation<
    RemoveListingMutation,
    RemoveListingMutationVariables
  >(REMOVE_LISTING)

  return {
    listings: query.data?.skuListings ?? null,
    loading: query.loading,
    loadError: query.error ?? null,
    busy: saving.loading || removing.loading,
    save: async (input: Omit<SaveListingInput, 'marketplace' | 'skuId'>) => {
      const r = await save({
        variables: { input: { ...input, marketplace, skuId } },
      })

      if (r.data) write(r.data.saveListing)
    },
    remove: async (l: SkuListing) => {
      const r = await remove({
        variables: {
          ...variables,
          listingId: l.listingId,
          variationId: l.variationId ?? null,
        },
      })

      if (r.data) write(r.data.removeListing)
    },
  }
}
