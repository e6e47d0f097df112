/** The order use cases: commands and their handlers, and the queries clients read orders with. */
package org.orderflow.application.order;
