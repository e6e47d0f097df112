/** CDI producers that hand the adapters what they need: the container's persistence context, the clock, the serializer. */
package org.orderflow.web.wiring;
