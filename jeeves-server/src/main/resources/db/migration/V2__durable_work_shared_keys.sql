-- Durable work and scale-out (portable SQL: H2 and PostgreSQL run the same file).

-- db-scheduler's table (its PostgreSQL DDL; the types are ones H2 knows too). One row per pending execution:
-- Slack replies to send, and the recurring checks (daily alerts, housekeeping) that run once per cluster.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- An accepted Slack event now carries the work it asks for, recorded with its id in one transaction before
-- Slack gets its 200, and what became of it: ACCEPTED until answered, then ANSWERED or FAILED.
ALTER TABLE processed_events ADD COLUMN user_id VARCHAR(64);
ALTER TABLE processed_events ADD COLUMN channel VARCHAR(64);
ALTER TABLE processed_events ADD COLUMN message_text VARCHAR(262144);
ALTER TABLE processed_events ADD COLUMN thread_ts VARCHAR(64);
ALTER TABLE processed_events ADD COLUMN state VARCHAR(16) DEFAULT 'ANSWERED' NOT NULL;
ALTER TABLE processed_events ADD COLUMN finished_at TIMESTAMP;
ALTER TABLE processed_events ADD COLUMN failure VARCHAR(500);
CREATE INDEX processed_events_state ON processed_events (state);

-- The keys that sign access tokens, shared by every instance: the newest signs, older ones still verify the
-- tokens they signed until those expire. Generation 1 is created by whichever instance starts first.
CREATE TABLE signing_keys (
    generation INT          NOT NULL PRIMARY KEY,
    key_id     VARCHAR(64)  NOT NULL UNIQUE,
    jwk        VARCHAR(8192) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);

-- The admin client of the token endpoint, shared by every instance.
CREATE TABLE api_clients (
    client_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_secret VARCHAR(256) NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);
