/** Reads of one aggregate by id — now, at a version, at an instant — and of its history. */
package org.orderflow.application.query;
