package dev.jeeves.server.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "<!channel> wake up                  | &lt;!channel&gt; wake up",
                "<!here>                             | &lt;!here&gt;",
                "<!subteam^S01>                      | &lt;!subteam^S01&gt;",
                "\"<https://evil.example/login|Paris>\" | \"&lt;https://evil.example/login|Paris&gt;\"",
                "fish & chips                        | fish &amp; chips",
                "&lt;                                | &amp;lt;",
                "\"weather [in|for] <place>\"          | \"weather [in|for] &lt;place&gt;\"",
                "18°C, nothing to escape             | 18°C, nothing to escape"
            })
    void escapesEveryControlCharacterOfPlainTextOnceForSlack(String plain, String posted) {
        assertThat(SlackText.fromPlain(plain)).isEqualTo(posted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "&lt;b&gt;        | <b>",
                "fish &amp; chips | fish & chips",
                "&amp;lt;         | &lt;",
                "<!channel>       | <!channel>"
            })
    void readsWhatTheUserTypedFromSlacksText(String fromSlack, String typed) {
        assertThat(SlackText.toPlain(fromSlack)).isEqualTo(typed);
        assertThat(SlackText.fromPlain(typed))
                .as("posted back, it shows as Slack showed it")
                .isEqualTo(fromSlack.equals("<!channel>") ? "&lt;!channel&gt;" : fromSlack);
    }
}
