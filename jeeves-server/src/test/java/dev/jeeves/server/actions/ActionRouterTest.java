package dev.jeeves.server.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.SettingsStore;
import dev.jeeves.server.storage.UserStore;
import io.helidon.metrics.api.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionRouterTest {
    @TempDir
    Path dataDir;

    Database database;
    FakeWeather weather = new FakeWeather();
    UserStore users;
    SettingsStore settings;
    ActionRouter router;

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
        users = new UserStore(database.dataSource(), Clock.systemUTC());
        settings = new SettingsStore(database.dataSource());
        AlertStore alerts = new AlertStore(database.dataSource());
        List<Action> actions = List.of(
                new WeatherAction(weather, users),
                new LocationAction(weather, users),
                new ConfigAction(database, settings),
                new AlertsAction(alerts, users));
        router = ActionRouter.withHelp(actions, users, MeterRegistry.create());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private String say(String text) {
        return router.route("U1", text).text();
    }

    @Test
    void createsTheUserOnTheirFirstMessage() {
        assertThat(users.find("U9")).isEmpty();
        router.route("U9", "help");
        assertThat(users.find("U9")).isPresent();
    }

    @Test
    void picksTheActionByItsFirstWordIgnoringCase() {
        assertThat(router.route("U1", "WEATHER in Berlin").action()).isEqualTo("weather");
        assertThat(router.route("U1", "  Help  ").action()).isEqualTo("help");
    }

    @Test
    void matchesActionsAsWholeWordsOnly() {
        Reply reply = router.route("U1", "weathers in Berlin");
        assertThat(reply.action()).isEqualTo(ActionRouter.UNKNOWN);
        assertThat(reply.text()).isEqualTo("I don't know how to \"weathers\". Try \"help\".");
    }

    @Test
    void answersAnUnknownWordWithAPointerToHelp() {
        assertThat(say("dance")).isEqualTo("I don't know how to \"dance\". Try \"help\".");
    }

    @Test
    void answersAnEmptyMessageWithAGreeting() {
        // The whole answer: the unknown-word fallback mentions "help" too.
        assertThat(router.route("U1", "   ")).isEqualTo(new Reply("help", "Hello! Say \"help\" to see what I can do."));
    }

    @Test
    void twoSettingsWrittenAtOnceCannotPassTheLimit() throws Exception {
        users.ensureExists("U1");
        for (int i = 0; i < ConfigAction.MAX_KEYS - 1; i++) {
            settings.set("U1", "key" + i, "v");
        }
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<String>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String key = "new" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return say("config set " + key + " v");
                }));
            }
        }
        long accepted = 0;
        for (Future<String> answer : answers) {
            accepted += answer.get().startsWith("Set new") ? 1 : 0;
        }
        assertThat(accepted)
                .as("writes accepted of %d at once with one place left", writers)
                .isEqualTo(1);
        assertThat(settings.count("U1")).isEqualTo(ConfigAction.MAX_KEYS);
    }

    @Nested
    class Help {
        @Test
        void listsEveryActionWithItsUsage() {
            String help = say("help");
            for (Action action : router.actions()) {
                assertThat(help).contains(action.usage());
            }
        }

        @Test
        void explainsOneActionWhenGivenItsName() {
            // The book's help crashed when given an argument.
            assertThat(say("help weather")).contains("weather in Paris").contains("location set");
        }

        @Test
        void saysSoWhenAskedAboutAnUnknownAction() {
            assertThat(say("help dance")).contains("no action called \"dance\"");
        }
    }

    @Nested
    class Weather {
        // tag::weather-in-berlin[]
        @Test
        void asksForThePlaceAfterIn() {
            // The book stripped every "in" and asked for "Berl".
            assertThat(say("weather in Berlin"))
                    .isEqualTo("Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h");
            assertThat(weather.asked).containsExactly("Berlin");
        }
        // end::weather-in-berlin[]

        @Test
        void acceptsForAndNoPreposition() {
            assertThat(say("weather for Paris")).startsWith("Paris, France: 12°C");
            assertThat(say("weather Paris")).startsWith("Paris, France: 12°C");
            assertThat(weather.asked).containsExactly("Paris", "Paris");
        }

        @Test
        void keepsAPlaceThatStartsWithIn() {
            say("weather Innsbruck");
            assertThat(weather.asked).containsExactly("Innsbruck");
        }

        @Test
        void usesTheStoredLocationWhenNoneIsGiven() {
            say("location set Berlin");
            assertThat(say("weather")).startsWith("Berlin, Germany");
        }

        @Test
        void explainsHowToSetALocationWhenNoneIsStored() {
            assertThat(say("weather")).contains("location set <place>");
        }

        @Test
        void saysSoWhenThePlaceIsUnknown() {
            assertThat(say("weather in Atlantis")).isEqualTo("I couldn't find a place called \"Atlantis\".");
        }

        @Test
        void apologisesInOneLineWhenTheWeatherServiceIsDown() {
            weather.down = true;
            assertThat(say("weather in Berlin"))
                    .isEqualTo(WeatherAction.APOLOGY)
                    .doesNotContain("\n");
        }
    }

    @Nested
    class Location {
        @Test
        void storesAPlaceFoundByGeocoding() {
            assertThat(say("location set paris")).contains("Paris, France").contains("Europe/Paris");
            assertThat(users.find("U1").orElseThrow().location()).contains(FakeWeather.PARIS);
            assertThat(say("location")).contains("Paris, France");
        }

        @Test
        void keepsTheOldLocationWhenTheNewPlaceIsUnknown() {
            say("location set Berlin");
            assertThat(say("location set Atlantis")).contains("couldn't find").contains("unchanged");
            assertThat(users.find("U1").orElseThrow().location()).contains(FakeWeather.BERLIN);
        }

        @Test
        void keepsTheOldLocationWhenGeocodingIsDown() {
            say("location set Berlin");
            weather.down = true;
            assertThat(say("location set Paris")).contains("unchanged");
            assertThat(users.find("U1").orElseThrow().location()).contains(FakeWeather.BERLIN);
        }

        @Test
        void clearsTheLocation() {
            say("location set Berlin");
            assertThat(say("location clear")).contains("cleared");
            assertThat(say("location")).contains("no location");
        }

        @Test
        void answersUsageForAnUnknownSubcommand() {
            assertThat(say("location move Berlin")).startsWith("Usage: location");
            assertThat(say("location set")).contains("Which place?");
        }
    }

    @Nested
    class Config {
        @Test
        void getAnswersTheValueOrThatItIsNotSet() {
            // The book's "config get" never answered.
            assertThat(say("config get units")).isEqualTo("units is not set.");
            say("config set units metric");
            assertThat(say("config get units")).isEqualTo("units = metric");
        }

        @Test
        void setKeepsTheWholeValueWithItsCase() {
            assertThat(say("config set greeting Good Morning, Sir")).isEqualTo("Set greeting = Good Morning, Sir.");
            assertThat(settings.get("U1", "greeting")).contains("Good Morning, Sir");
        }

        @Test
        void setReplacesAnEarlierValue() {
            say("config set units metric");
            say("config set units imperial");
            assertThat(settings.all("U1")).containsExactly(java.util.Map.entry("units", "imperial"));
        }

        @Test
        void showListsEverySettingSortedByKey() {
            assertThat(say("config show")).contains("no settings");
            say("config set b 2");
            say("config set a 1");
            assertThat(say("config")).isEqualTo("Your settings:\na = 1\nb = 2");
        }

        @Test
        void unsetRemovesASettingAndSaysWhenThereWasNone() {
            say("config set units metric");
            assertThat(say("config unset units")).isEqualTo("Unset units.");
            assertThat(say("config unset units")).isEqualTo("units was not set.");
        }

        @Test
        void refusesInvalidKeys() {
            assertThat(say("config set Units metric")).contains("not a valid key");
            assertThat(say("config set " + "k".repeat(65) + " v")).contains("not a valid key");
            assertThat(settings.all("U1")).isEmpty();
        }

        @Test
        void refusesValuesOverTheLimit() {
            assertThat(say("config set k " + "v".repeat(257))).contains("257 characters");
            assertThat(say("config set k " + "v".repeat(256))).startsWith("Set k = ");
        }

        @Test
        void refusesAKeyBeyondFiftyButStillReplacesExistingOnes() {
            for (int i = 0; i < ConfigAction.MAX_KEYS; i++) {
                say("config set key" + i + " v");
            }
            assertThat(say("config set one-more v")).contains("50 settings");
            assertThat(say("config set key0 changed")).isEqualTo("Set key0 = changed.");
            assertThat(settings.count("U1")).isEqualTo(50);
        }

        @Test
        void asksForTheMissingPieces() {
            assertThat(say("config get")).contains("Which key?");
            assertThat(say("config set units")).contains("Give a value");
            assertThat(say("config frobnicate")).startsWith("Usage: config");
        }
    }

    @Nested
    class Alerts {
        @Test
        void needALocationFirst() {
            assertThat(say("alerts on")).contains("location set");
            assertThat(say("alerts")).contains("off");
        }

        @Test
        void turnOnAtSevenByDefaultInTheUsersTimeZone() {
            say("location set Berlin");
            assertThat(say("alerts on")).contains("07:00").contains("Europe/Berlin");
            assertThat(say("alerts")).isEqualTo("Daily weather alerts are on at 07:00 (Europe/Berlin).");
        }

        @Test
        void turnOnAtAGivenTime() {
            say("location set Berlin");
            assertThat(say("alerts on at 7:45")).contains("07:45");
            assertThat(say("alerts on at 25:00")).contains("not a time of day");
            assertThat(say("alerts on at noon")).startsWith("Usage: alerts on");
            assertThat(say("alerts")).contains("07:45");
        }

        @Test
        void turnOff() {
            say("location set Berlin");
            say("alerts on");
            assertThat(say("alerts off")).isEqualTo("Daily weather alerts are off.");
            assertThat(say("alerts off")).contains("already off");
        }
    }
}
