-- Portable SQL (H2 and PostgreSQL): no vendor upserts, no vendor types.

CREATE TABLE users (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name     VARCHAR(128),
    email            VARCHAR(254),
    location_name    VARCHAR(200),
    location_country VARCHAR(100),
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    time_zone        VARCHAR(64),
    created_at       TIMESTAMP    NOT NULL
);

CREATE TABLE settings (
    user_id      VARCHAR(64)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    setting_key  VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (user_id, setting_key)
);

CREATE TABLE alerts (
    user_id        VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    local_time     VARCHAR(5)  NOT NULL,
    last_sent_date DATE
);

-- Slack event ids already accepted, so a retry is never processed twice (kept at least an hour).
CREATE TABLE processed_events (
    event_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    received_at TIMESTAMP   NOT NULL
);

CREATE INDEX processed_events_received_at ON processed_events (received_at);
