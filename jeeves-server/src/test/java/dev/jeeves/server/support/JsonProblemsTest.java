package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.jeeves.api.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a client is told about a body Jackson could not read: the field, what it must be and what it was. */
class JsonProblemsTest {
    @JsonClassDescription("a sample")
    record Sample(String name, Optional<String> note, Integer count, Inner inner) {}

    record Inner(String value) {}

    record Undescribed(String name) {}

    record Checked(String name) {
        Checked {
            if ("boom".equals(name)) {
                throw new IllegalArgumentException("name may not be boom");
            }
        }
    }

    static String problem(String json, Class<?> type) {
        try {
            Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            return JsonProblems.describe(e);
        }
        throw new AssertionError("read without a problem: " + json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"age":3}                   | unknown field "age"; a sample has "name", "note", "count" and "inner"
            {"name":42}                 | field "name" must be a string, not number
            {"name":true}               | field "name" must be a string, not boolean
            {"name":[1]}                | field "name" must be a string, not array
            {"name":{"a":1}}            | field "name" must be a string, not object
            {"note":1.5}                | field "note" must be a string, not number
            {"count":"three"}           | field "count" must be a number, not string
            {"inner":"x"}               | field "inner" must be an object, not string
            [1]                         | the body must be a JSON object
            "text"                      | the body must be a JSON object
            {"name":"a"} {}             | malformed JSON: more after the object ends
            {"name":                    | malformed JSON at line 1, column 9: Unexpected end-of-input within/between Object entries
            """)
    void namesTheFieldAndWhatWasWrong(String json, String detail) {
        assertThat(problem(json, Sample.class)).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"x":1}         | unknown field "x"; the body has "name"
            """)
    void callsAnUndescribedRecordTheBody(String json, String detail) {
        assertThat(problem(json, Undescribed.class)).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"boom"} | the body does not fit: Cannot construct instance of `dev.jeeves.server.support.JsonProblemsTest$Checked`, problem: name may not be boom
            """)
    void saysWhyABodyDoesNotFitWithoutJacksonsInternals(String json, String detail) {
        assertThat(problem(json, Checked.class)).isEqualTo(detail);
    }

    // Jackson builds the exceptions below without a parser or a location when it reads from a tree, or a module
    // throws them: the detail must still name the field, and never fail itself.

    @Test
    void namesTheFieldsOfATypeThatIsNotARecordAsNone() {
        var unknown =
                new UnrecognizedPropertyException(null, "Unrecognized field", null, Object.class, "age", List.of());
        assertThat(JsonProblems.describe(unknown)).isEqualTo("unknown field \"age\"; the body has ");
    }

    @Test
    void callsAMismatchWithNoPathAWrongShapedBody() {
        var mismatch = MismatchedInputException.from(null, Sample.class, "Cannot construct instance");
        assertThat(JsonProblems.describe(mismatch)).isEqualTo("the body must be a JSON object");
    }

    @Test
    void namesTheValueARefusedCoercionFoundWithoutAParser() {
        var coerced = InvalidFormatException.from(null, "Cannot coerce", 42, String.class);
        coerced.prependPath(Sample.class, "name");
        assertThat(JsonProblems.describe(coerced)).isEqualTo("field \"name\" must be a string, not number");
        var flag = InvalidFormatException.from(null, "Cannot coerce", true, String.class);
        flag.prependPath(Sample.class, "name");
        assertThat(JsonProblems.describe(flag)).isEqualTo("field \"name\" must be a string, not boolean");
    }

    @Test
    void readsTheShapeFromJacksonsMessageWhenTheParserIsGone() {
        assertThat(mismatchOf(
                        "count", Integer.class, "Cannot deserialize value from Array value (token `START_ARRAY`)"))
                .isEqualTo("field \"count\" must be a number, not array");
        assertThat(mismatchOf("inner", Inner.class, "Cannot deserialize value from Integer value (token x)"))
                .isEqualTo("field \"inner\" must be an object, not number");
        assertThat(mismatchOf("name", String.class, "no shape named here"))
                .isEqualTo("field \"name\" must be a string, not another type");
    }

    @Test
    void describesMalformedJsonWithoutALocation() {
        assertThat(JsonProblems.describe(new JsonParseException(null, "Unexpected character (code 1)")))
                .isEqualTo("malformed JSON: Unexpected character");
    }

    static String mismatchOf(String field, Class<?> target, String message) {
        var mismatch = MismatchedInputException.from(null, target, message);
        mismatch.prependPath(Sample.class, field);
        return JsonProblems.describe(mismatch);
    }
}
