/** Time travel: a stream's stored events with their envelopes, and past states rebuilt from them. */
package org.orderflow.web.history;
