package org.orderflow.it.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The benchmarks' load generator: client threads, each with its own HTTP client, sending requests for a while. */
final class Clients {

    /** One client's request (or requests) per loop turn. */
    @FunctionalInterface
    interface Request {
        void send(HttpClient http) throws Exception;
    }

    private Clients() {
    }

    /** {@code clients} threads sending requests until {@code duration} is up; returns the seconds it took. */
    static double run(int clients, Duration duration, Request request) throws Exception {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    while (System.nanoTime() < deadline) {
                        request.send(http);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
