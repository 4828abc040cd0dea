UNWIND $rows AS row
MATCH (a:BenchEntity {key: row.from})
MATCH (b:BenchEntity {key: row.to})
MERGE (a)-[r:BENCH_LINK {type: row.type}]->(b)
SET r.count = row.count
