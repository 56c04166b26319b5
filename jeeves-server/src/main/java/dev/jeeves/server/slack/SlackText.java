package dev.jeeves.server.slack;

/**
 * The border between Slack's message format and the plain text Jeeves works with. In Slack's format the ampersand and
 * the angle brackets are control characters: {@code <!channel>}, {@code <!here>}, {@code <!subteam^S1>} notify people,
 * {@code <https://x|label>} is a link showing any label. Slack sends what a user typed with those three characters
 * as HTML entities, and its control sequences as they are; text posted back must be escaped the same way (Slack's
 * "Formatting text for app surfaces"), or the bot re-broadcasts a user's {@code @channel} in its own name.
 *
 * <p>So a message's text is decoded once as it arrives ({@link #toPlain}) and a reply encoded once as it leaves
 * ({@link #fromPlain}): everything in between (actions, storage, the HTTP API) is plain text, and no reply can carry
 * a control sequence, whoever wrote its words. Jeeves writes no markup of its own; any it adds later goes on after
 * {@link #fromPlain}. {@code SlackTextTest} shows each case.
 */
final class SlackText {
    private SlackText() {}

    /** Plain text made safe to post: shown exactly as written, never as a mention, a link or a command. */
    // tag::escape[]
    static String fromPlain(String plain) {
        // & first, or the other two's entities would be escaped again.
        return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
    // end::escape[]

    /**
     * A message's text as its user typed it: Slack's three entities decoded, the ampersand's last (so an escaped
     * entity the user typed stays that entity). Control sequences stay as text, harmless once posted back through
     * {@link #fromPlain}.
     */
    static String toPlain(String slackText) {
        return slackText.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
