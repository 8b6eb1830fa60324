package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.migrations.SecretUrls;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** An --engine-url taken apart: credentials out of every form, nothing secret in what messages show. */
class ServerUrlTest {

    @Property(tries = 2000)
    void whatMessagesShowDoesNotDependOnTheSecret(@ForAll("shapes") SecretUrls.Shape shape,
                                                  @ForAll("secrets") SecretUrls.Secrets secrets) {
        String first = shown(shape.url().apply(secrets.first()));
        String second = shown(shape.url().apply(secrets.second()));

        assertEquals(first, second, "a secret changes what is shown, so part of it is shown");
        for (String form : SecretUrls.visibleForms(secrets.first())) {
            assertFalse(first.contains(form), first);
        }
    }

    /** Everything a message can take from the URL: its display, its hosts, or the error about it. */
    private static String shown(String url) {
        try {
            ServerUrl server = ServerUrl.parse(url, "--engine-url");
            return server + " | " + server.hosts() + " | " + server.display() + " | "
                    + new Credentials(server.user(), server.password());
        } catch (SwitchoverException e) {
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<SecretUrls.Shape> shapes() {
        return SecretUrls.shapes();
    }

    @Provide
    Arbitrary<SecretUrls.Secrets> secrets() {
        return SecretUrls.secrets();
    }

    @Test
    void takesTheCredentialsOutOfTheUserInformationAndThePath() {
        ServerUrl information = ServerUrl.parse("jdbc:postgresql://gate:p%40ss+w@db:5432/postgres?sslmode=require",
                "--engine-url");
        ServerUrl path = ServerUrl.parse("jdbc:postgresql://db:5432/postgres;user=gate;password=s3cret", "--engine-url");

        assertEquals("db:5432", information.hosts());
        assertEquals(Optional.of("gate"), information.user());
        assertEquals(Optional.of("p@ss+w"), information.password());
        assertEquals(Map.of("sslmode", "require"), information.parameters());
        assertEquals("postgresql://db:5432/postgres", path.display());
        assertEquals(Optional.of("s3cret"), path.password());
        assertEquals("jdbc:postgresql://db:5432/other", path.jdbcUrl("other", Map.of()));
    }

    @Test
    void givesEveryConnectionTheTimeoutUnlessTheUrlSetsItsOwn() {
        ServerUrl postgres = ServerUrl.parse("jdbc:postgresql://db/postgres?socketTimeout=600", "t")
                .withTimeout(Duration.ofSeconds(20));
        ServerUrl mariadb = ServerUrl.parse("jdbc:mariadb://db/mysql", "t").withTimeout(Duration.ofSeconds(20));

        assertEquals(Map.of("connectTimeout", "20", "loginTimeout", "20", "socketTimeout", "600"),
                postgres.parameters());
        assertEquals(Map.of("connectTimeout", "20000", "socketTimeout", "20000"), mariadb.parameters());
    }
}
