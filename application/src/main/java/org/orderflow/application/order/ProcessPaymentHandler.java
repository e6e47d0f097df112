package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.command.CommandHandler;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands.ProcessPayment;

/** Records the payment of an order whose inventory is reserved. */
@Dependent
public class ProcessPaymentHandler implements CommandHandler<ProcessPayment> {

    private final Orders orders;

    @Inject
    public ProcessPaymentHandler(Orders orders) {
        this.orders = orders;
    }

    @Override
    public Class<ProcessPayment> commandType() {
        return ProcessPayment.class;
    }

    @Override
    public CommandResult handle(ProcessPayment command, CommandContext context) {
        var order = orders.load(context, command.orderId());
        return orders.append(context, order, order.aggregate().processPayment(command.paymentId(), command.amountCents()));
    }
}
