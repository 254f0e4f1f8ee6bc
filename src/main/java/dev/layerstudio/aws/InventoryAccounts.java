package dev.layerstudio.aws;

import dev.layerstudio.model.ConnectionSpec;
import dev.layerstudio.model.InventoryAccount;
import dev.layerstudio.model.InventoryFailure;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import dev.layerstudio.model.SsoSessionInfo;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CancellationException;

/** The accounts an inventory reads: every account of one IAM Identity Center sign-in, or a list of profiles. */
public final class InventoryAccounts {

    private InventoryAccounts() {
    }

    /**
     * Every account the SSO session reaches, each through {@code role} (or, when null, the one role the
     * sign-in has there). An account without such a role is kept, with why it cannot be read. A sign-in
     * that cannot list its accounts at all fails with one sentence.
     */
    public static List<InventoryAccount> sso(Connector connector, SsoSessionInfo session, String role, URI endpoint,
                                             int concurrency) {
        List<SsoAccount> accounts = connector.sso().accounts(session);
        return Bounded.map(accounts, concurrency, "sso-roles", a -> {
            String name = a.name() == null || a.name().isBlank() ? a.accountId() : a.name();
            List<SsoRole> roles;
            try {
                roles = connector.sso().roles(session, a.accountId());
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                return new InventoryAccount(a.accountId(), name, null,
                        InventoryFailures.classify(e, "list your roles in " + name, false));
            }
            List<String> names = roles.stream().map(SsoRole::roleName).toList();
            String chosen = role != null ? names.stream().filter(role::equals).findFirst().orElse(null)
                    : names.size() == 1 ? names.get(0) : null;
            if (chosen == null) {
                String why = role != null
                        ? "The sign-in has no role " + role + " in " + name + (names.isEmpty() ? "."
                        : " (it has " + String.join(", ", names) + ").")
                        : names.isEmpty() ? "The sign-in has no role in " + name + "."
                        : name + " has several roles (" + String.join(", ", names) + "); choose one with --role.";
                return new InventoryAccount(a.accountId(), name, null,
                        new InventoryFailure(InventoryFailure.Reason.NO_ACCESS, why));
            }
            return new InventoryAccount(a.accountId(), name,
                    ConnectionSpec.sso(session.name(), a.accountId(), chosen, null, endpoint), null);
        });
    }

    /** One account per profile; the account id is learnt when the profile connects. */
    public static List<InventoryAccount> profiles(Connector connector, List<String> profiles, URI endpoint) {
        ProfileCatalog catalog = connector.catalog();
        List<String> distinct = profiles.stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            throw new LayerStudioException("No profile was named.", "Give them like --profiles dev,prod.", null);
        }
        distinct.forEach(catalog::require);
        return distinct.stream().map(p -> new InventoryAccount(null, p, ConnectionSpec.profile(p, null, endpoint), null))
                .toList();
    }

    /**
     * The readable account of {@code accounts} that holds {@code accountId}: by its id, or (for a
     * profile, whose id is learnt on connecting) by the name the inventory's slices give it.
     */
    public static java.util.Optional<InventoryAccount> holding(List<InventoryAccount> accounts,
                                                               dev.layerstudio.model.Inventory inventory,
                                                               String accountId) {
        java.util.Optional<InventoryAccount> byId = accounts.stream()
                .filter(a -> accountId.equals(a.accountId()) && a.failure() == null).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<String> names = inventory.slices().stream().filter(s -> s.accountId().equals(accountId))
                .map(dev.layerstudio.model.InventorySlice::accountName).distinct().toList();
        return accounts.stream().filter(a -> a.failure() == null && names.contains(a.name())).findFirst();
    }
}
