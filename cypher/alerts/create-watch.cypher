CREATE (w:Watch)
SET w = $watch
RETURN w {.*} AS watch
