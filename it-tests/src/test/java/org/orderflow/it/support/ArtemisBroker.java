package org.orderflow.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The external broker of a multi-server test: Apache ActiveMQ Artemis, run by the project's own
 * {@code scripts/artemis.sh} (which installs it from Maven Central where missing), on a port of its own.
 */
public final class ArtemisBroker {

    private final int port;

    public ArtemisBroker(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** Stops a broker left running and deletes its journal: the test starts with empty subscriptions. */
    public void clean() throws IOException, InterruptedException {
        run("clean");
    }

    public void start() throws IOException, InterruptedException {
        run("start");
    }

    public void stop() throws IOException, InterruptedException {
        run("stop");
    }

    /** SIGKILL: no orderly shutdown, what the journal holds is all that survives. */
    public void kill() throws IOException, InterruptedException {
        run("kill");
    }

    private void run(String command) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("it.repo.root"), "scripts", "artemis.sh").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
        builder.environment().put("ARTEMIS_PORT", Integer.toString(port));
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> System.out.println(line)); // the script's progress lines
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("scripts/artemis.sh " + command + " exited with " + exit);
        }
    }
}
