package dev.layerstudio.ui.connect;

import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * What the "where to connect" tree holds, and the tree itself filtered by a search:
 * the local sandbox, then the profiles, then each SSO sign-in with its accounts and
 * their roles.
 */
final class ConnectTree {

    private ConnectTarget.Sandbox sandbox;
    private String sandboxHeading = "";
    private List<ProfileInfo> profiles = List.of();
    private final Map<String, ConnectTarget.SsoSession> sessions = new LinkedHashMap<>();
    private final Map<String, List<SsoAccount>> accounts = new LinkedHashMap<>();
    private final Map<String, List<SsoRole>> roles = new LinkedHashMap<>();

    /** The sandbox row, under its own heading (null: none). */
    void setSandbox(String heading, ConnectTarget.Sandbox row) {
        sandboxHeading = heading;
        sandbox = row;
    }

    ConnectTarget.Sandbox sandbox() {
        return sandbox;
    }

    void setProfiles(List<ProfileInfo> newProfiles) {
        profiles = List.copyOf(newProfiles);
    }

    void setSessions(List<ConnectTarget.SsoSession> newSessions) {
        sessions.clear();
        newSessions.forEach(s -> sessions.put(s.info().name(), s));
    }

    void setAccounts(String session, List<SsoAccount> list) {
        accounts.put(session, List.copyOf(list));
    }

    void setRoles(String session, String accountId, List<SsoRole> list) {
        roles.put(session + "/" + accountId, List.copyOf(list));
    }

    boolean hasRoles(String session, String accountId) {
        return roles.containsKey(session + "/" + accountId);
    }

    /** The tree for a search text (empty: everything). Matching rows and their parents stay. */
    TreeItem<ConnectTarget> build(String search, String profilesHeading) {
        String q = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        TreeItem<ConnectTarget> root = new TreeItem<>(new ConnectTarget.Group("", ""));
        if (sandbox != null && matches(sandbox, q)) {
            TreeItem<ConnectTarget> group = new TreeItem<>(new ConnectTarget.Group(sandboxHeading, ""));
            group.setExpanded(true);
            group.getChildren().add(new TreeItem<>(sandbox));
            root.getChildren().add(group);
        }
        TreeItem<ConnectTarget> profileGroup = new TreeItem<>(new ConnectTarget.Group(profilesHeading, ""));
        profileGroup.setExpanded(true);
        for (ProfileInfo p : profiles) {
            ConnectTarget t = new ConnectTarget.Profile(p);
            if (matches(t, q)) {
                profileGroup.getChildren().add(new TreeItem<>(t));
            }
        }
        if (!profileGroup.getChildren().isEmpty()) {
            root.getChildren().add(profileGroup);
        }
        for (ConnectTarget.SsoSession s : sessions.values()) {
            TreeItem<ConnectTarget> sessionItem = new TreeItem<>(s);
            sessionItem.setExpanded(true);
            for (SsoAccount a : accounts.getOrDefault(s.info().name(), List.of())) {
                ConnectTarget.Account account = new ConnectTarget.Account(s.info(), a);
                TreeItem<ConnectTarget> accountItem = new TreeItem<>(account);
                boolean accountMatches = matches(account, q);
                List<SsoRole> known = roles.get(s.info().name() + "/" + a.accountId());
                for (SsoRole r : known == null ? List.<SsoRole>of() : known) {
                    ConnectTarget.Role role = new ConnectTarget.Role(s.info(), a, r);
                    if (accountMatches || matches(role, q)) {
                        accountItem.getChildren().add(new TreeItem<>(role));
                    }
                }
                if (known == null) {
                    // Not loaded yet: a child makes the row expandable; expanding loads the roles.
                    accountItem.getChildren().add(new TreeItem<>(new ConnectTarget.Group("…", "")));
                }
                accountItem.setExpanded(!q.isEmpty() && known != null && !accountItem.getChildren().isEmpty());
                if (accountMatches || (known != null && !accountItem.getChildren().isEmpty())) {
                    sessionItem.getChildren().add(accountItem);
                }
            }
            if (q.isEmpty() || matches(s, q) || !sessionItem.getChildren().isEmpty()) {
                root.getChildren().add(sessionItem);
            }
        }
        return root;
    }

    private static boolean matches(ConnectTarget t, String q) {
        return q.isEmpty() || t.label().toLowerCase(Locale.ROOT).contains(q)
                || (t.detail() != null && t.detail().toLowerCase(Locale.ROOT).contains(q));
    }
}
