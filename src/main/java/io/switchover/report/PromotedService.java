package io.switchover.report;

/**
 * A service whose production version the check ran against: what runs there and, for the service that owns the
 * migrations, the candidate promoted with them.
 *
 * @param running    the production version's label (a directory name, or a git ref and commit)
 * @param candidate  the candidate version promoted with the batch; null for a service that keeps its version
 * @param repository where the service's code lives when it is not the migrations' repository (as configured); null
 *                   when its files are those of the repository the batch comes from
 */
public record PromotedService(String name, String running, String candidate, String repository) {
}
