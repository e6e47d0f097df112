package org.orderflow.application.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one attempt of a command in one transaction: answer from the idempotency key if it is
 * known, otherwise hand the command to its handler and remember the key with the result. Either
 * everything (events and key) commits, or nothing does.
 */
@ApplicationScoped
public class CommandRunner {

    private Map<Class<?>, CommandHandler<?>> handlers;
    private IdempotencyKeys idempotencyKeys;

    protected CommandRunner() {
        // for CDI proxies
    }

    @Inject
    public CommandRunner(@Any Instance<CommandHandler<?>> handlers, IdempotencyKeys idempotencyKeys) {
        this(handlers.stream().toList(), idempotencyKeys);
    }

    public CommandRunner(Iterable<? extends CommandHandler<?>> handlers, IdempotencyKeys idempotencyKeys) {
        this.handlers = new HashMap<>();
        for (CommandHandler<?> handler : handlers) {
            if (this.handlers.put(handler.commandType(), handler) != null) {
                throw new IllegalStateException("Two handlers for " + handler.commandType().getName());
            }
        }
        this.idempotencyKeys = idempotencyKeys;
    }

    /** Always a transaction of its own, so that a retry never runs in one already marked for rollback. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CommandResult runOnce(Command command, CommandContext context) {
        String key = context.idempotencyKey();
        if (key != null) {
            idempotencyKeys.hold(context.tenantId(), key);
            Optional<IdempotencyKeys.Remembered> remembered = idempotencyKeys.find(context.tenantId(), key);
            if (remembered.isPresent()) {
                if (!remembered.get().requestFingerprint().equals(context.requestFingerprint())) {
                    throw new IdempotencyKeyReused(key);
                }
                return remembered.get().result().asReplay();
            }
        }
        CommandResult result = dispatch(command, context);
        if (key != null) {
            idempotencyKeys.remember(context.tenantId(), key, context.requestFingerprint(), result);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private <C extends Command> CommandResult dispatch(C command, CommandContext context) {
        CommandHandler<C> handler = (CommandHandler<C>) handlers.get(command.getClass());
        if (handler == null) {
            throw new IllegalArgumentException("No handler for " + command.getClass().getName());
        }
        return handler.handle(command, context);
    }
}
