/** Read-your-writes for queries, and the operator endpoints of the projections (status, rebuild). */
package org.orderflow.web.projection;
