package dev.jeeves.stubs;

import dev.jeeves.api.embedded.StubUpstreams;

/**
 * The sandbox as a {@link StubUpstreams} service ({@code META-INF/services}): how {@code jeeves serve --sandbox}
 * starts the canned stubs without compiling against WireMock.
 */
public final class SandboxService implements StubUpstreams {
    @Override
    public Running start() {
        return SandboxStubs.start();
    }
}
