package io.switchover.patterns.model;

/**
 * A version of a service whose SQL is checked: the one production runs (it keeps serving traffic while the batch
 * runs) or the candidate (it must work once the batch has run, and throughout with code-first deployments).
 *
 * @param service the service's name
 * @param version the snapshot it was read from (a directory name, or a git ref and commit)
 */
public record ServiceVersion(String service, String version, Role role) {

    public enum Role {
        RUNNING,
        CANDIDATE,
        /** A version between the two, recorded in the history, that the promotion plan may deploy on the way. */
        INTERMEDIATE
    }

    /**
     * How a message names it: "deploy-1" when the version says it all, else "person-service at v1.2 (3f2a9c1)"; the
     * candidate as "candidate deploy-5".
     */
    public String label() {
        if (role == Role.CANDIDATE) {
            return "candidate " + version;
        }
        if (role == Role.INTERMEDIATE) {
            return version;
        }
        return service.equals(version) ? version : service + " at " + version;
    }
}
