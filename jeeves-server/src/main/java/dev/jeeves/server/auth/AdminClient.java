package dev.jeeves.server.auth;

import dev.jeeves.api.Secret;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.storage.ApiClientStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The admin client every instance accepts: its secret lives in the shared database, and each instance writes it
 * to its own {@code <data-dir>/credentials.json}, where the {@code jeeves} CLI and {@code curl} users on that
 * machine read it.
 */
public final class AdminClient {
    private AdminClient() {}

    /**
     * The admin credentials: the database's; else those of a {@code credentials.json} already in the data
     * directory (a Jeeves from before the database kept them, or a file provisioned by the operator); else new
     * ones. Whichever instance stores them first wins, and all of them then use those.
     */
    public static ClientCredentials establish(ApiClientStore clients, Path dataDir) {
        Optional<String> stored = clients.secret(ClientCredentials.ADMIN_CLIENT);
        if (stored.isEmpty()) {
            Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
            ClientCredentials candidate =
                    Files.exists(file) ? ClientCredentials.read(file) : ClientCredentials.newAdmin();
            clients.add(candidate.clientId(), candidate.clientSecret().reveal());
            stored = clients.secret(ClientCredentials.ADMIN_CLIENT);
        }
        ClientCredentials admin =
                new ClientCredentials(ClientCredentials.ADMIN_CLIENT, Secret.of(stored.orElseThrow()));
        Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
        if (!Files.exists(file)
                || !ClientCredentials.read(file)
                        .matches(admin.clientId(), admin.clientSecret().reveal())) {
            admin.save(dataDir);
        }
        return admin;
    }
}
