/** The outbound port for answers: {@link dev.jeeves.server.replies.Replies}. Depends on nothing of ours. */
package dev.jeeves.server.replies;
