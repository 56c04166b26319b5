/**
 * What the Jeeves server and its clients share. Start at {@link dev.jeeves.api.MessageRequest} for the wire types,
 * {@link dev.jeeves.api.client.JeevesClient} for the typed client, {@link dev.jeeves.api.Json} for the one mapper.
 * Nothing here depends on Helidon: the CLI compiles against this module alone.
 */
package dev.jeeves.api;
