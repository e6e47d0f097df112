package org.orderflow.application.fulfilment;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.Orders;
import org.orderflow.application.order.OrderCommands.StartCheckout;
import org.orderflow.domain.order.CheckoutStarted;

/**
 * Starts the checkout of a pending order; the fulfilment process takes it from the event. The
 * checkout's row is written in the same transaction as the event, so from the moment the client
 * has its 202 an operator sees the checkout (RUNNING) and can abort it, even before the process
 * has read the event.
 */
@Dependent
public class StartCheckoutHandler implements CommandHandler<StartCheckout> {

    private final Orders orders;
    private final CheckoutProcesses processes;
    private final Clock clock;

    @Inject
    public StartCheckoutHandler(Orders orders, CheckoutProcesses processes, Clock clock) {
        this.orders = orders;
        this.processes = processes;
        this.clock = clock;
    }

    @Override
    public Class<StartCheckout> commandType() {
        return StartCheckout.class;
    }

    @Override
    public CommandResult handle(StartCheckout command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        var events = order.aggregate().startCheckout();
        CommandResult result = orders.append(context, order, events);
        events.stream().filter(CheckoutStarted.class::isInstance).map(CheckoutStarted.class::cast).findFirst()
                .ifPresent(started -> processes.started(context.tenantId(), started.orderId(), started.totalCents(),
                        clock.instant()));
        return result;
    }
}
