// A new saved chart: ids, positions, filters and the saver's words only; entities are read
// again, through the protection decision, whenever it is opened.
CREATE (c:SavedChart {
  id: $id,
  name: $name,
  note: $note,
  owner: $owner,
  ownerAgency: $ownerAgency,
  createdAt: $now,
  updatedAt: $now,
  seeds: $seeds,
  entityIds: $entityIds,
  xs: $xs,
  ys: $ys,
  depth: $depth,
  linkTypes: $linkTypes,
  from: $from,
  to: $to,
  sharedUsers: [],
  sharedAgencies: []
})
RETURN c {.*} AS chart
