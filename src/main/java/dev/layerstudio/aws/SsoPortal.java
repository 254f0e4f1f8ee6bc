package dev.layerstudio.aws;

import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import dev.layerstudio.model.SsoSessionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS access portal of IAM Identity Center: the accounts one sign-in reaches, the
 * roles in each, and credentials for a chosen account and role. Every call uses the
 * cached token of the session (renewed when it is about to expire); an expired or
 * revoked sign-in becomes "sign in again", never a stack trace.
 */
public final class SsoPortal {

    private final SsoClients clients;
    private final SsoTokens tokens;

    SsoPortal(SsoClients clients, SsoTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    /** Until when the session's cached sign-in is valid; empty when signed out or expired. */
    public Optional<Instant> signedInUntil(SsoSessionInfo session) {
        return tokens.signedInUntil(session);
    }

    /** Every account the sign-in reaches (all pages), sorted by name. */
    public List<SsoAccount> accounts(SsoSessionInfo session) {
        String token = tokens.accessToken(session);
        try {
            List<SsoAccount> accounts = new ArrayList<>();
            clients.portal(session.region()).listAccountsPaginator(b -> b.accessToken(token)).accountList()
                    .forEach(a -> accounts.add(new SsoAccount(a.accountId(), a.accountName(), a.emailAddress())));
            accounts.sort(Comparator.comparing((SsoAccount a) -> a.name() == null ? "" : a.name(),
                    String.CASE_INSENSITIVE_ORDER).thenComparing(SsoAccount::accountId));
            return accounts;
        } catch (RuntimeException e) {
            throw translate(e, session, "list the accounts of SSO session '" + session.name() + "'");
        }
    }

    /** The roles the sign-in may use in one account (all pages), sorted by name. */
    public List<SsoRole> roles(SsoSessionInfo session, String accountId) {
        String token = tokens.accessToken(session);
        try {
            List<SsoRole> roles = new ArrayList<>();
            clients.portal(session.region())
                    .listAccountRolesPaginator(b -> b.accessToken(token).accountId(accountId)).roleList()
                    .forEach(r -> roles.add(new SsoRole(r.accountId() == null ? accountId : r.accountId(),
                            r.roleName())));
            roles.sort(Comparator.comparing(SsoRole::roleName, String.CASE_INSENSITIVE_ORDER));
            return roles;
        } catch (RuntimeException e) {
            throw translate(e, session, "list your roles in account " + accountId);
        }
    }

    /**
     * Credentials for a role in an account, fetched when first needed and fetched again
     * before they expire (the SDK's {@link SsoCredentialsProvider}: blocking within a
     * minute of expiry, prefetching within five). Close it when done.
     */
    public RoleCredentialsProvider roleCredentials(SsoSessionInfo session, String accountId, String roleName) {
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        SsoCredentialsProvider delegate = builder
                .ssoClient(clients.portal(session.region()))
                .refreshRequest(() -> GetRoleCredentialsRequest.builder()
                        .accessToken(tokens.accessToken(session))
                        .accountId(accountId)
                        .roleName(roleName)
                        .build())
                .build();
        return new RoleCredentialsProvider(delegate, session, accountId, roleName);
    }

    /** Role credentials whose failures read as plain sentences. */
    public static final class RoleCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
        private final SsoCredentialsProvider delegate;
        private final SsoSessionInfo session;
        private final String accountId;
        private final String roleName;

        private RoleCredentialsProvider(SsoCredentialsProvider delegate, SsoSessionInfo session, String accountId,
                String roleName) {
            this.delegate = delegate;
            this.session = session;
            this.accountId = accountId;
            this.roleName = roleName;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (RuntimeException e) {
                throw translate(e, session, "get credentials for role " + roleName + " in account " + accountId);
            }
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String toString() {
            return "RoleCredentialsProvider[" + session.name() + "/" + accountId + "/" + roleName + "]";
        }
    }

    static RuntimeException translate(RuntimeException e, SsoSessionInfo session, String action) {
        LayerStudioException known = AwsErrors.findLayerStudioException(e);
        if (known != null) {
            return known;
        }
        if (e instanceof UnauthorizedException) {
            return SsoTokens.signInAgain(session, "was not accepted (it expired or was revoked)", e);
        }
        if (e instanceof AwsServiceException ase && ase.statusCode() == 403) {
            return new LayerStudioException("Could not " + action + ": SSO session '" + session.name()
                    + "' does not grant it.", "Choose another account or role, or ask for access.", e);
        }
        return AwsErrors.translate(e, action);
    }
}
