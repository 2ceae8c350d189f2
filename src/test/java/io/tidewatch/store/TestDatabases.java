package io.tidewatch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * Databases for tests: a private in-memory H2, or a fresh schema on the PostgreSQL server named by
 * {@code TIDEWATCH_TEST_PG_URL} (provisioned by {@code .ci/run}), dropped again on close.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static Database h2() {
        return Database.inMemory("t" + UUID.randomUUID().toString().replace("-", ""));
    }

    public static boolean postgresAvailable() {
        String url = System.getenv("TIDEWATCH_TEST_PG_URL");
        return url != null && !url.isBlank();
    }

    /** A PostgreSQL database in its own new schema; {@link Fresh#close()} drops the schema. */
    public static Fresh postgres() throws Exception {
        String url = System.getenv("TIDEWATCH_TEST_PG_URL");
        String user = System.getenv("TIDEWATCH_TEST_PG_USER");
        String password = System.getenv("TIDEWATCH_TEST_PG_PASSWORD");
        String schema = "tw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Fresh(Database.open(scoped, user, password), url, user, password, schema);
    }

    public static final class Fresh implements AutoCloseable {
        public final Database db;
        private final String url, user, password, schema;

        Fresh(Database db, String url, String user, String password, String schema) {
            this.db = db; this.url = url; this.user = user; this.password = password; this.schema = schema;
        }

        /** A second, independent connection pool on the same schema (a second instance of the bot). */
        public Database another() {
            return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
        }

        /** The same schema reached through another host and port (a proxy in front of the server). */
        public Database through(String host, int port) {
            java.net.URI u = java.net.URI.create(url.substring("jdbc:".length()));
            String rerouted = "jdbc:" + u.getScheme() + "://" + host + ":" + port + u.getRawPath()
                    + (u.getRawQuery() == null ? "?" : "?" + u.getRawQuery() + "&") + "currentSchema=" + schema;
            return Database.open(rerouted, user, password);
        }

        /** Host and port of the server itself. */
        public java.net.InetSocketAddress server() {
            java.net.URI u = java.net.URI.create(url.substring("jdbc:".length()));
            return java.net.InetSocketAddress.createUnresolved(u.getHost(), u.getPort());
        }

        @Override
        public void close() throws Exception {
            db.close();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
