package io.switchover.timeline;

import java.util.Locale;
import java.util.Optional;

/** PostgreSQL's table lock modes, weakest first, and what each makes the old service's statements wait for. */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** The mode as {@code pg_locks.mode} names it ({@code AccessExclusiveLock}). */
    public static Optional<LockMode> ofPgLocks(String mode) {
        for (LockMode candidate : values()) {
            if (candidate.pgLocksName().equals(mode)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String pgLocksName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.append("Lock").toString();
    }

    /** As PostgreSQL's documentation writes it: {@code ACCESS EXCLUSIVE}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** Plain SELECTs wait behind it. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    /** INSERT, UPDATE, DELETE (and SELECT ... FOR UPDATE) wait behind it. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    public static LockMode stronger(LockMode a, LockMode b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
