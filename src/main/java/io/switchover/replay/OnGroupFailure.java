package io.switchover.replay;

/**
 * What becomes of a batch that failed as one Flyway group on a database with transactional DDL, where deployed one
 * migration at a time it might not have failed.
 */
enum OnGroupFailure {
    /** The batch is replayed again, one migration at a time, and that replay's timeline stands. */
    REPLAY_ONE_BY_ONE,
    /** The group's failure stands (another engine follows, which has the last word on it). */
    STANDS
}
