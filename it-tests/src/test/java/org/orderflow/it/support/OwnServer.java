package org.orderflow.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Liberty server of a test's own in the test Liberty installation, running the real WAR with
 * the production server.xml, on its own ports, database and message store, so the Arquillian
 * server is not disturbed (and a test may kill it).
 */
public final class OwnServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int httpPort;
    private final String database;
    private final Path wlp = Path.of(System.getProperty("wlp.home"));
    private static final String DEV_JWKS = "/orderflow/dev/jwks";
    /** The server whose development issuer signs this server's tokens: itself, unless jwt.jwks.uri names another. */
    private String tokenServer;

    private OwnServer(String name, int httpPort, String database) {
        this.name = name;
        this.httpPort = httpPort;
        this.database = database;
        this.tokenServer = server();
    }

    /**
     * Creates the server afresh (an empty database of its own, no message store).
     *
     * @param portBase  HTTP port; HTTPS, JMS and JMS SSL use portBase + 362, portBase - 1805, portBase - 1795
     *                  (9281 → 9643, 7376, 7386 … as the first such server did)
     * @param variables further server.xml variables (e.g. {@code orderflow.webhook.url})
     */
    public static OwnServer create(String name, int portBase, String database, Map<String, String> variables) throws Exception {
        OwnServer own = new OwnServer(name, portBase, database);
        own.createFiles(portBase, variables);
        try (Connection admin = DriverManager.getConnection(dbBase() + "/postgres", user(), password());
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        return own;
    }

    private void createFiles(int portBase, Map<String, String> extra) throws IOException {
        Path template = wlp.resolve("usr/servers/orderflow-it");
        Path server = directory();
        deleteRecursively(server);
        Files.createDirectories(server.resolve("lib/jdbc"));
        Files.createDirectories(server.resolve("apps"));
        Files.createDirectories(server.resolve("configDropins/overrides"));
        Files.copy(template.resolve("server.xml"), server.resolve("server.xml"));
        for (String file : new String[] {"jvm.options", "server.env"}) {
            if (Files.exists(template.resolve(file))) {
                Files.copy(template.resolve(file), server.resolve(file)); // server.env: the development issuer is on
            }
        }
        Files.copy(template.resolve("lib/jdbc/postgresql.jar"), server.resolve("lib/jdbc/postgresql.jar"));
        // server.xml includes messaging-${jms.provider}.xml; the Artemis adapter for jms.provider=artemis
        try (Stream<Path> messaging = Files.list(template)) {
            for (Path file : messaging.filter(f -> f.getFileName().toString().startsWith("messaging-")).toList()) {
                Files.copy(file, server.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(server.resolve("lib/artemis"));
        try (Stream<Path> adapters = Files.list(template.resolve("lib/artemis"))) {
            for (Path rar : adapters.toList()) {
                Files.copy(rar, server.resolve("lib/artemis").resolve(rar.getFileName()));
            }
        }
        Files.copy(Path.of(System.getProperty("it.war")), server.resolve("apps/orderflow.war"));
        // a configured application, as in production: only it may see the OpenTelemetry API (third-party)
        Files.writeString(server.resolve("configDropins/overrides/orderflow-application.xml"), """
                <server>
                    <application id="orderflow" name="orderflow" type="war" location="orderflow.war">
                        <classloader apiTypeVisibility="+third-party"/>
                    </application>
                </server>
                """);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("http.port", Integer.toString(portBase));
        variables.put("https.port", Integer.toString(portBase + 362));
        variables.put("jms.port", Integer.toString(portBase - 1805));
        variables.put("jms.ssl.port", Integer.toString(portBase - 1795));
        variables.put("db.url", dbBase() + "/" + database);
        variables.put("db.admin.url", dbBase() + "/postgres");
        variables.put("db.user", user());
        variables.put("db.password", password());
        variables.putAll(extra);
        // the messaging include is chosen before configDropins are read: the provider goes in the server's environment
        String provider = variables.remove("jms.provider");
        if (provider != null) {
            Files.writeString(server.resolve("server.env"), "\nJMS_PROVIDER=" + provider + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        String jwks = variables.get("jwt.jwks.uri");
        if (jwks != null && jwks.endsWith(DEV_JWKS)) {
            tokenServer = jwks.substring(0, jwks.length() - DEV_JWKS.length()); // trusts another server's development issuer
        }
        StringBuilder xml = new StringBuilder("<server>\n");
        variables.forEach((key, value) -> xml.append("    <variable name=\"").append(key).append("\" value=\"")
                .append(value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")).append("\"/>\n"));
        Files.writeString(server.resolve("configDropins/overrides/" + name + ".xml"), xml.append("</server>\n").toString());
    }

    public Path directory() {
        return wlp.resolve("usr/servers/" + name);
    }

    /**
     * Writes (or, with null, deletes) a file in configDropins/overrides and waits until the
     * server says it applied the change (CWWKG0017I "configuration was successfully updated", or
     * CWWKG0018I "not updated" when nothing changed) — the signal, instead of a fixed pause.
     */
    public void updateConfiguration(String fileName, String xml) throws Exception {
        Path log = directory().resolve("logs/messages.log");
        long before = configurationUpdates(log);
        Path file = directory().resolve("configDropins/overrides/" + fileName);
        if (xml == null) {
            Files.deleteIfExists(file);
        } else {
            Files.writeString(file, xml);
        }
        Eventually.await(() -> configurationUpdates(log), n -> n > before, Duration.ofSeconds(30),
                "the configuration update of " + fileName + " applied by " + name);
    }

    private static long configurationUpdates(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("CWWKG0017I") || line.contains("CWWKG0018I")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    public String api() {
        return "http://127.0.0.1:" + httpPort + "/orderflow/api";
    }

    /** http://127.0.0.1:port */
    public String server() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** An Authorization header with every role, for the default tenant, from this server's development issuer. */
    public String authorization() {
        return "Bearer " + Tokens.issue(tokenServer, "it-user", "default", Tokens.ALL_ROLES);
    }

    public int httpPort() {
        return httpPort;
    }

    /** Starts the server (unless it answers already) and waits until it is ready and its publisher runs. */
    public void start() throws Exception {
        if (ready()) {
            return;
        }
        command("start");
        Tokens.forget(server()); // a new key: the tokens of the previous run are void
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ready() && HTTP.send(HttpRequest.newBuilder(URI.create(api() + "/ops/outbox")).timeout(Duration.ofSeconds(5))
                        .header("Authorization", authorization()).build(), HttpResponse.BodyHandlers.ofString())
                        .body().contains("publisher")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " did not become ready");
    }

    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() throws Exception {
        command("stop");
    }

    /** The server's process (from Liberty's pid file). */
    public ProcessHandle process() throws IOException {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    /** SIGKILL: no shutdown hooks, no orderly stop. */
    public void kill() throws Exception {
        ProcessHandle process = process();
        if (!process.destroyForcibly()) {
            throw new AssertionError("could not kill " + name);
        }
        process.onExit().get();
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(dbBase() + "/" + database, user(), password());
    }

    private void command(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        System.out.println("server " + command + " " + name + ": " + output.trim());
    }

    private static String dbBase() {
        return System.getProperty("it.db.url").replaceFirst("/[^/?]+(\\?.*)?$", "");
    }

    private static String user() {
        return System.getProperty("it.db.user", "postgres");
    }

    private static String password() {
        return System.getProperty("it.db.password", "");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
