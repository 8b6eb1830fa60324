package io.switchover.migrations;

/** Shows a JDBC URL in messages without anything secret in it. */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    public static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        // user:password@host forms
        return base.replaceAll("//[^/@]*:[^/@]*@", "//******@");
    }
}
