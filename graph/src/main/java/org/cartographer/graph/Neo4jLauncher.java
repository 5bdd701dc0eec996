package org.cartographer.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import sun.misc.Signal;

/**
 * Runs a Neo4j Community DBMS (embedded API) serving Bolt on 127.0.0.1, for local development and
 * tests without Docker.
 *
 * <p>Protocol with the parent process (libs/graph/src/local/local-neo4j.ts): exactly one stdout line
 * {@code NEO4J_READY bolt://127.0.0.1:PORT} once the default database answers Cypher; on a startup
 * failure one stderr line {@code NEO4J_FAILED <reason>} and exit status 1. SIGTERM, SIGINT or EOF on
 * stdin (the parent died) shut the DBMS down cleanly, then exit status 0.
 *
 * <p>Usage: {@code Neo4jLauncher --home DIR --port N --password PW [--pagecache 256m]
 * [--ignore-stdin]}. Without {@code --password} the password is read from the environment variable
 * {@value #PASSWORD_ENV}, which keeps it out of the process list (the Node launcher does this).
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final String USER = "neo4j";
    private static final long AVAILABILITY_TIMEOUT_SECONDS = 120;
    static final String PASSWORD_ENV = "CARTOGRAPHER_NEO4J_PASSWORD";
    private static final String USAGE =
            "usage: --home DIR --port N --password PW [--pagecache 256m] [--ignore-stdin]";

    private static final CountDownLatch stopRequested = new CountDownLatch(1);
    private static final Object lifecycleLock = new Object();
    // Guarded by lifecycleLock.
    private static DatabaseManagementService dbms;
    private static boolean closed;

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        // Only the ready line may reach the real stdout, which the parent parses; anything a
        // library prints through System.out goes to stderr instead.
        PrintStream protocolOut = System.out;
        System.setOut(System.err);

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail("bad arguments: " + e.getMessage() + " (" + USAGE + ")");
            return;
        }

        installStopTriggers(options.watchStdin);

        try {
            start(options);
        } catch (Throwable t) {
            fail(describe(t));
            return;
        }

        // A stop requested while starting ends the process without ever announcing readiness.
        if (stopRequested.getCount() > 0) {
            protocolOut.println("NEO4J_READY bolt://" + HOST + ":" + options.port);
            protocolOut.flush();
            awaitStopRequest();
        }

        try {
            shutdown();
        } catch (Throwable t) {
            System.err.println("NEO4J_SHUTDOWN_FAILED " + oneLine(describe(t)));
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        System.exit(0);
    }

    private static void start(Options options) throws IOException {
        Path home = options.home.toAbsolutePath().normalize();
        Files.createDirectories(home);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, options.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pagecache))
                // Dev/test store: keep only the transaction logs recovery needs, rotate small, and
                // do not preallocate 256 MiB log files up front.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // No usage-data reporting from developer machines or CI.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default 5 s quiet period per event-loop group made every stop take ~12 s;
                // connections are already closed by then, so nothing is lost by not waiting.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();
        synchronized (lifecycleLock) {
            dbms = service;
        }
        if (stopRequested.getCount() == 0) {
            return;
        }

        setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), options.password);

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.SECONDS.toMillis(AVAILABILITY_TIMEOUT_SECONDS))) {
            throw new IllegalStateException("database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                    + "' not available after " + AVAILABILITY_TIMEOUT_SECONDS + " s");
        }
        // One round trip, so "ready" means Cypher answers, not merely that the store opened.
        db.executeTransactionally("RETURN 1");
    }

    /**
     * Sets the neo4j user's password and clears the change-required flag. Neo4j refuses a new
     * password equal to the current one (the case on every restart of an existing home), so the
     * password first moves to a random value: idempotent without matching error messages.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        String alter = "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED";
        system.executeTransactionally(alter, Map.of("pw", UUID.randomUUID().toString()));
        system.executeTransactionally(alter, Map.of("pw", password));
    }

    private static void installStopTriggers(boolean watchStdin) {
        // TERM/INT are handled here rather than by shutdown hooks alone, so that a requested stop
        // exits with status 0 instead of 128+signal.
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> stopRequested.countDown());
            } catch (IllegalArgumentException e) {
                // Signal unavailable here: the shutdown hook still closes the store.
            }
        }
        // Any other way out of the JVM (SIGHUP, System.exit) still closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLauncher::shutdownQuietly, "neo4j-shutdown"));

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                // The parent holds stdin open and writes nothing: EOF means it exited or crashed.
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                try {
                    while (in.read(buffer) >= 0) {
                        // Input itself is ignored.
                    }
                } catch (IOException e) {
                    // A broken stdin means the parent is gone too.
                }
                stopRequested.countDown();
            }, "stdin-eof-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static void awaitStopRequest() {
        while (true) {
            try {
                stopRequested.await();
                return;
            } catch (InterruptedException e) {
                // Only a stop trigger ends the server.
            }
        }
    }

    /** Shuts the DBMS down once; later calls (main after a signal, then the hook) are no-ops. */
    private static void shutdown() {
        synchronized (lifecycleLock) {
            if (dbms != null && !closed) {
                closed = true;
                dbms.shutdown();
            }
        }
    }

    private static void shutdownQuietly() {
        try {
            shutdown();
        } catch (Throwable t) {
            System.err.println("neo4j shutdown error: " + oneLine(describe(t)));
        }
    }

    private static void fail(String reason) {
        // Reason first, so the parent can report it while a partly started DBMS closes.
        System.err.println("NEO4J_FAILED " + oneLine(reason));
        System.err.flush();
        shutdownQuietly();
        // halt: the hook would only repeat the shutdown, and the status must stay non-zero.
        Runtime.getRuntime().halt(1);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The outermost error plus its root cause, which usually names the actual problem. */
    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (root == t || String.valueOf(root.getMessage()).equals(t.getMessage())) {
            return outer;
        }
        return outer + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static final class Options {
        Path home;
        int port = -1;
        String password;
        String pagecache = "256m";
        boolean watchStdin = true;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--home" -> o.home = Path.of(value(args, ++i, arg));
                    case "--port" -> o.port = parsePort(value(args, ++i, arg));
                    case "--password" -> o.password = value(args, ++i, arg);
                    case "--pagecache" -> o.pagecache = value(args, ++i, arg);
                    // For running by hand from a shell whose stdin may be /dev/null.
                    case "--ignore-stdin" -> o.watchStdin = false;
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (o.home == null) {
                throw new IllegalArgumentException("--home is required");
            }
            if (o.port < 1) {
                throw new IllegalArgumentException("--port is required");
            }
            if (o.password == null) {
                o.password = System.getenv(PASSWORD_ENV);
            }
            if (o.password == null || o.password.isEmpty()) {
                throw new IllegalArgumentException("--password (or env " + PASSWORD_ENV + ") is required");
            }
            // Neo4j would refuse it only after the whole DBMS has started: fail in milliseconds instead.
            int minLength = GraphDatabaseSettings.auth_minimum_password_length.defaultValue();
            if (o.password.length() < minLength) {
                throw new IllegalArgumentException("the password must be at least " + minLength + " characters");
            }
            try {
                ByteUnit.parse(o.pagecache);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid --pagecache " + o.pagecache);
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String s) {
            try {
                int port = Integer.parseInt(s);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new IllegalArgumentException("invalid --port " + s);
        }
    }
}
