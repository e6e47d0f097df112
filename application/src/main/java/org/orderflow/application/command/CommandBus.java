package org.orderflow.application.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.tracing.Tracing;
import org.orderflow.domain.DomainRuleViolation;

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
    private CommandObserver observer;
    private Tracing tracing;

    protected CommandBus() {
        // for CDI proxies
    }

    public CommandBus(CommandRunner runner, RetryPolicy policy) {
        this(runner, policy, CommandObserver.NONE, Tracing.NONE);
    }

    @Inject
    public CommandBus(CommandRunner runner, RetryPolicy policy, CommandObserver observer, Tracing tracing) {
        this.runner = runner;
        this.policy = policy;
        this.observer = observer;
        this.tracing = tracing;
    }

    /**
     * @throws ConcurrencyConflict when the version was pinned and is stale, or every attempt lost its race
     * @throws AggregateNotFound, IdempotencyKeyReused, org.orderflow.domain.DomainRuleViolation as the command's answer
     */
    public CommandResult dispatch(Command command, CommandContext given) {
        // the events record the trace of the work that sends the command (the request's span, a process's)
        CommandContext context = given.traceParent() != null ? given : given.tracedBy(tracing.currentTraceParent());
        long started = System.nanoTime();
        CommandObserver.Outcome outcome = CommandObserver.Outcome.FAILED;
        try {
            CommandResult result = attempts(command, context);
            outcome = result.replayed() ? CommandObserver.Outcome.REPLAYED : CommandObserver.Outcome.DONE;
            return result;
        } catch (DomainRuleViolation refused) {
            outcome = CommandObserver.Outcome.REFUSED;
            throw refused;
        } catch (AggregateNotFound missing) {
            outcome = CommandObserver.Outcome.NOT_FOUND;
            throw missing;
        } catch (ConcurrencyConflict | IdempotencyKeys.KeyAlreadyUsed conflict) {
            outcome = CommandObserver.Outcome.CONFLICT;
            throw conflict;
        } catch (IdempotencyKeyReused reused) {
            outcome = CommandObserver.Outcome.KEY_REUSED;
            throw reused;
        } finally {
            observer.completed(command, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private CommandResult attempts(Command command, CommandContext context) {
        boolean keyRaceSeen = false;
        boolean pinnedRecheckDone = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return runner.runOnce(command, context);
            } catch (ConcurrencyConflict conflict) {
                if (context.pinnedVersion().isPresent()) {
                    // A twin request with the same key may have won with this very version: one more
                    // run replays its result if its key committed, else answers the same conflict.
                    if (context.idempotencyKey() == null || pinnedRecheckDone) {
                        throw conflict;
                    }
                    pinnedRecheckDone = true;
                    observer.retried(command, CommandObserver.Retry.CONFLICT);
                    continue;
                }
                if (attempt >= policy.maxAttempts()) {
                    throw conflict;
                }
                observer.retried(command, CommandObserver.Retry.CONFLICT);
            } catch (IdempotencyKeys.KeyAlreadyUsed raced) {
                // The other request's transaction committed the key: the next run replays its
                // result. This does not count against the conflict budget, but happens only once.
                if (keyRaceSeen) {
                    throw raced;
                }
                keyRaceSeen = true;
                observer.retried(command, CommandObserver.Retry.KEY_RACE);
                continue;
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
