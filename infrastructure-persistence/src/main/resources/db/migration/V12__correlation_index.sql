-- Following a correlation id across streams (the operator console, GET /ops/correlations/{id}):
-- the events one request set in motion, in log order, without reading the whole log. One more
-- index for every append to maintain; the append benchmark measures what it costs.
-- CONCURRENTLY: on a large log the build takes a while, and appends must not wait for it
-- (Flyway runs this statement outside a transaction).
CREATE INDEX CONCURRENTLY events_correlation_idx ON events ((metadata ->> 'correlationId'), position);
