// Saved charts are found by their id.
CREATE CONSTRAINT saved_chart_id IF NOT EXISTS FOR (c:SavedChart) REQUIRE c.id IS UNIQUE
