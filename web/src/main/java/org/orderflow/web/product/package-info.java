/** The product catalogue API: create, reprice, delete, read. */
package org.orderflow.web.product;
