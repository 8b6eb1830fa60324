package io.switchover.replay;

/** How Flyway applies a list of migrations: as one group (one history read), or one at a time as deployed. */
enum BatchAs {
    ONE_GROUP,
    ONE_BY_ONE;

    /** Whether Flyway should group the migrations. */
    boolean grouped() {
        return this == ONE_GROUP;
    }
}
