package dev.jeeves.server.domain;

import java.util.Map;

/** WMO weather interpretation codes, as Open-Meteo reports them, in the words a person would use. */
public final class WeatherCodes {
    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(0, "clear sky"),
            Map.entry(1, "mainly clear"),
            Map.entry(2, "partly cloudy"),
            Map.entry(3, "overcast"),
            Map.entry(45, "fog"),
            Map.entry(48, "depositing rime fog"),
            Map.entry(51, "light drizzle"),
            Map.entry(53, "drizzle"),
            Map.entry(55, "dense drizzle"),
            Map.entry(56, "light freezing drizzle"),
            Map.entry(57, "dense freezing drizzle"),
            Map.entry(61, "light rain"),
            Map.entry(63, "rain"),
            Map.entry(65, "heavy rain"),
            Map.entry(66, "light freezing rain"),
            Map.entry(67, "heavy freezing rain"),
            Map.entry(71, "light snow"),
            Map.entry(73, "snow"),
            Map.entry(75, "heavy snow"),
            Map.entry(77, "snow grains"),
            Map.entry(80, "light rain showers"),
            Map.entry(81, "rain showers"),
            Map.entry(82, "violent rain showers"),
            Map.entry(85, "light snow showers"),
            Map.entry(86, "heavy snow showers"),
            Map.entry(95, "thunderstorm"),
            Map.entry(96, "thunderstorm with light hail"),
            Map.entry(99, "thunderstorm with heavy hail"));

    private WeatherCodes() {}

    /** The words for a code, e.g. {@code 3 -> "overcast"}; a code WMO does not define is named as such. */
    public static String describe(int code) {
        return WORDS.getOrDefault(code, "weather code " + code);
    }
}
