-- Several servers (README, Running several servers). A projector may be split into segments, each
-- with its own row here (projector = 'name#index/count'); owner is the server (orderflow.node.name)
-- that moved the checkpoint last, and the server that published last, so a takeover shows.
ALTER TABLE projection_checkpoints ADD COLUMN owner text;
ALTER TABLE outbox_publishers ADD COLUMN owner text;
