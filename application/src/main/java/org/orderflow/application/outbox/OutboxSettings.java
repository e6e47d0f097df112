package org.orderflow.application.outbox;

import java.time.Duration;

/**
 * How the publisher runs. Produced from configuration by the web module.
 *
 * @param publisherName   names the publisher's cursor (one per destination)
 * @param batchSize       events per round (one database transaction)
 * @param maxRoundsPerRun bounds one timer firing
 * @param initialBackoff  the pause after a first failure, doubled per further failure
 * @param maxBackoff      the longest pause
 */
public record OutboxSettings(String publisherName, int batchSize, int maxRoundsPerRun,
                             Duration initialBackoff, Duration maxBackoff) {

    public OutboxSettings {
        if (publisherName == null || publisherName.isBlank()) {
            throw new IllegalArgumentException("publisher name is required");
        }
        if (batchSize < 1 || maxRoundsPerRun < 1) {
            throw new IllegalArgumentException("batch size and rounds per run must be >= 1");
        }
    }
}
