// The latest committed seq of the feed; 0 before the first record.
OPTIONAL MATCH (head:ChangeFeedHead {id: 'feed'})
RETURN coalesce(head.seq, 0) AS seq
