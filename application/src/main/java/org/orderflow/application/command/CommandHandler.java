package org.orderflow.application.command;

/**
 * Handles one kind of command inside the caller's transaction: load, decide, append.
 *
 * @param <C> the command it handles
 */
public interface CommandHandler<C extends Command> {

    Class<C> commandType();

    /**
     * @throws AggregateNotFound when the command targets a stream that does not exist
     * @throws org.orderflow.domain.DomainRuleViolation when the aggregate refuses the command
     * @throws org.orderflow.application.eventstore.ConcurrencyConflict when the stream moved on
     */
    CommandResult handle(C command, CommandContext context);
}
