package dev.layerstudio.ui.connect;

import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import dev.layerstudio.model.SsoSessionInfo;
import java.net.URI;
import java.time.Instant;

/** One row of the "where to connect" tree: the local sandbox, a profile, an SSO sign-in, an account or a role. */
public sealed interface ConnectTarget {

    /** The text of the row. */
    String label();

    /** A second, quieter text (kind, id, e-mail …). */
    String detail();

    /** What to connect to when this row is chosen, or null when it is only a group. */
    ConnectionSpec spec(String region, URI endpoint);

    /** A heading such as "Profiles". */
    record Group(String label, String detail) implements ConnectTarget {
        @Override
        public ConnectionSpec spec(String region, URI endpoint) {
            return null;
        }
    }

    /**
     * The local sandbox, which the app starts itself; it has no connection spec because
     * it is reached through its own endpoint with dummy credentials, not through a profile.
     */
    record Sandbox(String label, String detail) implements ConnectTarget {
        @Override
        public ConnectionSpec spec(String region, URI endpoint) {
            return null;
        }
    }

    record Profile(ProfileInfo info) implements ConnectTarget {
        @Override
        public String label() {
            return info.name();
        }

        @Override
        public String detail() {
            return info.problem() != null ? info.problem()
                    : info.kind().label() + (info.region() == null ? "" : " · " + info.region());
        }

        @Override
        public ConnectionSpec spec(String region, URI endpoint) {
            return info.problem() != null ? null : ConnectionSpec.profile(info.name(), region, endpoint);
        }
    }

    /** An IAM Identity Center sign-in; signedInUntil is null when no valid token is cached. */
    record SsoSession(SsoSessionInfo info, Instant signedInUntil) implements ConnectTarget {
        @Override
        public String label() {
            return info.name();
        }

        @Override
        public String detail() {
            return info.startUrl();
        }

        @Override
        public ConnectionSpec spec(String region, URI endpoint) {
            return null;
        }

        public boolean signedIn() {
            return signedInUntil != null && signedInUntil.isAfter(Instant.now());
        }
    }

    record Account(SsoSessionInfo session, SsoAccount account) implements ConnectTarget {
        @Override
        public String label() {
            return account.name() == null || account.name().isBlank() ? account.accountId() : account.name();
        }

        @Override
        public String detail() {
            return account.accountId() + (account.email() == null ? "" : " · " + account.email());
        }

        @Override
        public ConnectionSpec spec(String region, URI endpoint) {
            return null;
        }
    }

    record Role(SsoSessionInfo session, SsoAccount account, SsoRole role) implements ConnectTarget {
        @Override
        public String label() {
            return role.roleName();
        }

        @Override
        public String detail() {
            return account.accountId();
        }

        @Override
        public ConnectionSpec spec(String region, URI endpoint) {
            return new ConnectionSpec(null, new ConnectionSpec.SsoTarget(session.name(), account.accountId(),
                    role.roleName()), region, endpoint);
        }
    }
}
