package io.switchover.migrations;

import java.util.List;
import java.util.Objects;

/**
 * One Flyway migration as Flyway sees it.
 *
 * @param version     the version for a versioned migration, {@code null} for a repeatable one
 * @param description Flyway's description (underscores become spaces)
 * @param script      the script name relative to its location, as Flyway records it in its history; for a Java
 *                    migration its fully qualified class name
 * @param checksum    Flyway's checksum of the script; for a Java migration what its {@code getChecksum()} returns
 *                    (usually {@code null})
 * @param path        the file's path relative to the snapshot root: the SQL file, or the Java or Kotlin source
 * @param replay      how the replay runs it
 */
public record Migration(String version, String description, String script, Integer checksum, String path,
                        Replay replay) {

    public Migration(String version, String description, String script, Integer checksum, String path) {
        this(version, description, script, checksum, path, Replay.SQL_FILE);
    }

    public Migration {
        Objects.requireNonNull(replay, "replay");
    }

    /** How the replay runs a migration. */
    public sealed interface Replay {
        /** A SQL file, which Flyway reads. */
        Replay SQL_FILE = new SqlFile();

        /** A SQL file, which Flyway reads. */
        record SqlFile() implements Replay {
        }

        /**
         * A Java migration whose class is loaded from the built artifact and run by Flyway as a deployment runs it.
         *
         * @param artifact         the artifact, as the report names it
         * @param sourceStatements what its source shows it executes, for the rules that read a migration's
         *                         statements; possibly incomplete
         */
        record FromClass(String artifact, List<String> sourceStatements) implements Replay {
            public FromClass {
                sourceStatements = List.copyOf(sourceStatements);
            }
        }

        /** A Java migration replayed by running, in order, the SQL its source executes. */
        record FromSource(List<String> statements) implements Replay {
            public FromSource {
                statements = List.copyOf(statements);
            }
        }

        /** A Java migration for which the replay runs nothing, and why. */
        record NotReplayed(String reason) implements Replay {
        }
    }

    public boolean isRepeatable() {
        return version == null;
    }

    /** A Java or Kotlin migration (type JDBC in Flyway's history). */
    public boolean isJava() {
        return !(replay instanceof Replay.SqlFile);
    }

    /** A Java migration the replay runs nothing for. */
    public boolean notReplayed() {
        return replay instanceof Replay.NotReplayed;
    }

    /** The type Flyway records in its history. */
    public String type() {
        return isJava() ? "JDBC" : "SQL";
    }

    /** The key Flyway matches applied and resolved migrations on: the version, or the description of a repeatable. */
    public String identity() {
        return isRepeatable() ? "R:" + description : "V:" + version;
    }
}
