// Pairs an investigator separated by undoing their merge: not proposed, nor merged automatically, again.
MATCH (m:Merge)
WHERE m.undoneAt IS NOT NULL
RETURN DISTINCT m.keptId AS keptId, m.mergedId AS mergedId
