/** The product catalogue's use cases: create, reprice, delete, and read products. */
package org.orderflow.application.product;
