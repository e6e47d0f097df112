/** Start-up: make sure the service database exists and carries the latest schema before anything uses it. */
package org.orderflow.web.bootstrap;
