package io.switchover.migrations;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a message may show of a URL: which server it is, never a credential, in any form of the URL. */
class JdbcUrlsTest {

    @Property(tries = 2000)
    void whatIsShownDoesNotDependOnTheSecret(@ForAll("shapes") SecretUrls.Shape shape,
                                             @ForAll("secrets") SecretUrls.Secrets secrets) {
        String first = JdbcUrls.withoutSecrets(shape.url().apply(secrets.first()));
        String second = JdbcUrls.withoutSecrets(shape.url().apply(secrets.second()));

        assertEquals(first, second, "a secret changes what is shown, so part of it is shown");
        for (String form : SecretUrls.visibleForms(secrets.first())) {
            assertFalse(first.contains(form), first);
        }
        assertTrue(first.contains(shape.host()), "the host is still named: " + first);
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
    void showsTheServerAndTheHarmlessParameters() {
        assertEquals("jdbc:postgresql://***@prod-db:5432/people?sslmode=require&user=***&password=***",
                JdbcUrls.withoutSecrets("jdbc:postgresql://gate:pw@prod-db:5432/people?sslmode=require&user=gate"
                        + "&password=pw"));
        assertEquals("jdbc:mariadb://address=(host=db)(port=3306)/app?sessionVariables=***",
                JdbcUrls.withoutSecrets("jdbc:mariadb://address=(host=db)(port=3306)/app?sessionVariables=a=1,b=2"));
        assertEquals("jdbc:postgresql://prod-db/people", JdbcUrls.withoutSecrets("jdbc:postgresql://prod-db/people"));
    }

    @Test
    void knowsAPasswordInEveryForm() {
        assertTrue(JdbcUrls.carriesPassword("jdbc:postgresql://gate:pw@db/app"));
        assertTrue(JdbcUrls.carriesPassword("jdbc:postgresql://db/app?password=pw"));
        assertTrue(JdbcUrls.carriesPassword("jdbc:postgresql://db/app?user=gate&PASSWORD=pw"));
        assertTrue(JdbcUrls.carriesPassword("jdbc:postgresql://db/app;password=pw"));
        assertTrue(JdbcUrls.carriesPassword("jdbc:postgresql://db/app?pass%77ord=pw"));
        assertTrue(JdbcUrls.carriesPassword("jdbc:oracle:thin:gate/pw@db:1521/app"));
        assertFalse(JdbcUrls.carriesPassword("jdbc:postgresql://gate@db/app?user=gate&sslmode=require"));
    }
}
