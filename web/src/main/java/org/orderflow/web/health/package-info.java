/** MicroProfile Health: liveness (the process answers) and readiness (the database is reachable and migrated). */
package org.orderflow.web.health;
