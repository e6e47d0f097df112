package org.orderflow.application.command;

/** Marker for commands: imperative records naming an intent (AddItem, ConfirmOrder, ...). */
public interface Command {
}
