package io.switchover.report;

import io.switchover.migrations.Migration;

import java.util.List;

/**
 * How to split the batch so that the running version survives: the migrations before the first breaking one can go
 * now; the breaking one and those after it wait for a later deployment. Or, {@code verified}, the fewest to hold back:
 * the breaking ones alone, the batch replayed again without them and seen to break nothing that was checked.
 */
public record SplitAdvice(List<Migration> promoteNow, List<Migration> holdBack, boolean verified) {

    public SplitAdvice(List<Migration> promoteNow, List<Migration> holdBack) {
        this(promoteNow, holdBack, false);
    }
}
