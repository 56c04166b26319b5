/**
 * Durable work: {@link dev.jeeves.server.work.DurableWork}, db-scheduler over the shared database. Depends on
 * storage only.
 */
package dev.jeeves.server.work;
