/** What a server knows of itself among the servers of a deployment. */
package org.orderflow.application.cluster;
