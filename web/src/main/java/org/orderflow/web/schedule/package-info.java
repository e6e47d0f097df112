/** EJB timers: housekeeping jobs the service runs by itself. */
package org.orderflow.web.schedule;
