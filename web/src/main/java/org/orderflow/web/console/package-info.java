/**
 * The operator console at {@code /orderflow/console/}: static files (webapp/orderflow/console) over the
 * operations API, and the response headers that lock the page down.
 */
package org.orderflow.web.console;
