package dev.jeeves.server;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContainsSubstring;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusTypeIs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.StatusType;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document the server publishes ({@code META-INF/openapi.yaml}, served at {@code /openapi}), held to
 * the server: every request of the functional suite goes through {@link #given()}, and every answer must be one the
 * document describes (status, content type, body schema), or the test fails naming what differs. A request the
 * document does not allow is one the server must refuse (4xx): the suite sends many on purpose, and one that the
 * server accepted would fail the test.
 */
final class OpenApiContract {
    // tag::openapi-contract[]
    static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForInlineApiSpecification(
                    document())
            .withWhitelist(ValidationErrorsWhitelist.create()
                    .withRule(
                            "a request outside the document is refused",
                            allOf(isRequest(), responseStatusTypeIs(StatusType.CLIENT_ERROR)))
                    .withRule(
                            "Slack's 200 has a body only for url_verification (the challenge)",
                            allOf(
                                    messageHasKey("validation.response.body.missing"),
                                    pathContainsSubstring("/slack/events")))
                    .withRule(
                            "health, metrics and the document itself are Helidon's, not the API",
                            allOf(
                                    messageHasKey("validation.request.path.missing"),
                                    messageContainsRegexp(".*request '/(observe/.*|openapi)'.*"))))
            .build();
    // end::openapi-contract[]

    private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(VALIDATOR);

    /**
     * Form parameters as the body they are sent as: the validator reads a request's body, and REST Assured keeps
     * form parameters apart from it. First of the filters, so the validator sees the body.
     */
    private static final OrderedFilter FORM_AS_BODY = new OrderedFilter() {
        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification response,
                FilterContext context) {
            Map<String, ?> form = Map.copyOf(request.getFormParams());
            if (!form.isEmpty()) {
                StringBuilder body = new StringBuilder();
                form.forEach((name, value) -> {
                    for (Object one : value instanceof Collection<?> many ? many : List.of(value)) {
                        body.append(body.isEmpty() ? "" : "&")
                                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                                .append('=')
                                .append(URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
                    }
                });
                form.keySet().forEach(request::removeFormParam);
                if (request.getContentType() == null) {
                    request.contentType("application/x-www-form-urlencoded");
                }
                request.body(body.toString());
            }
            return context.next(request, response);
        }

        @Override
        public int getOrder() {
            return OrderedFilter.HIGHEST_PRECEDENCE;
        }
    };

    private OpenApiContract() {}

    /** A REST Assured request whose exchange is checked against the document. */
    static RequestSpecification given() {
        return RestAssured.given().filter(FORM_AS_BODY).filter(FILTER);
    }

    private static String document() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
