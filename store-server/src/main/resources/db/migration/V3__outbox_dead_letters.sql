-- Events HQ refuses become dead letters: kept, left out of the normal batches so they cannot hold
-- back the events behind them, shown to the store manager with HQ's reason and the time, and put
-- back in line by a manager once HQ is fixed. An event is pending while delivered_at and dead_at are NULL.
ALTER TABLE outbox_event
    ADD COLUMN dead_at     DATETIME(6)  NULL AFTER last_error,
    ADD COLUMN dead_reason VARCHAR(500) NULL AFTER dead_at,
    ADD COLUMN dead_count  INT          NOT NULL DEFAULT 0 AFTER dead_reason,
    ADD COLUMN requeued_at DATETIME(6)  NULL AFTER dead_count,
    ADD COLUMN requeued_by VARCHAR(16)  NULL AFTER requeued_at;

-- The relay reads the line (both NULL) in order; the manager's view reads the dead letters
CREATE INDEX ix_outbox_event_line ON outbox_event (delivered_at, dead_at, seq);
DROP INDEX ix_outbox_event_pending ON outbox_event;

-- Nothing HQ has not taken is ever lost: pending events and dead letters are never deleted
CREATE TRIGGER outbox_event_undelivered_is_kept BEFORE DELETE ON outbox_event FOR EACH ROW
BEGIN
    IF OLD.delivered_at IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an outbox event HQ has not taken is never deleted';
    END IF;
END;
