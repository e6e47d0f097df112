/**
 * The delivery side of the hexagon: JAX-RS resources, configuration, start-up and wiring of the
 * adapters into the application's ports. Packaged as the WAR that runs on Open Liberty.
 */
package org.orderflow.web;
