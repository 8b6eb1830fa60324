package io.switchover.rules;

import io.switchover.replay.Timeline;

import java.util.List;

/**
 * What the rules read: the timeline of one service and its statements, aligned with the timeline's probe outcomes
 * ({@code statements.get(i)} is {@code timeline.statements().get(i)}).
 */
public record Evidence(String service, String production, Timeline timeline, List<CheckedStatement> statements) {
}
