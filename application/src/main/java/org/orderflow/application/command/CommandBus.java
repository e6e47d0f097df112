package org.orderflow.application.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.orderflow.application.eventstore.ConcurrencyConflict;

/**
 * The entry point for commands. Runs each attempt in its own transaction and, like the loser of
 * a conditional write that re-reads and tries again, re-runs a command that lost an
 * optimistic-concurrency race: it reloads the aggregate and decides again on the new state. A
 * command whose client pinned a version is never retried: the conflict is the answer.
 */
@ApplicationScoped
public class CommandBus {

    private CommandRunner runner;
    private RetryPolicy policy;

    protected CommandBus() {
        // for CDI proxies
    }

    @Inject
    public CommandBus(CommandRunner runner, RetryPolicy policy) {
        this.runner = runner;
        this.policy = policy;
    }

    /**
     * @throws ConcurrencyConflict when the version was pinned and is stale, or every attempt lost its race
     * @throws AggregateNotFound, IdempotencyKeyReused, org.orderflow.domain.DomainRuleViolation as the command's answer
     */
    public CommandResult dispatch(Command command, CommandContext context) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runner.runOnce(command, context);
            } catch (ConcurrencyConflict conflict) {
                if (context.pinnedVersion().isPresent() || attempt >= policy.maxAttempts()) {
                    throw conflict;
                }
            } catch (IdempotencyKeys.KeyAlreadyUsed raced) {
                // The other request's transaction committed the key: the next attempt replays its result.
                if (attempt >= policy.maxAttempts()) {
                    throw raced;
                }
            }
            pause(attempt);
        }
    }

    private void pause(int attempt) {
        long maxMillis = policy.backoff().toMillis() * attempt;
        if (maxMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a command", e);
        }
    }
}
