package dev.layerstudio.ui.connect;

import dev.layerstudio.model.ProfileInfo;
import dev.layerstudio.model.SsoAccount;
import dev.layerstudio.model.SsoRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** One row of the tree and the rows under it; {@code expanded}: shown open. */
    record Row(ConnectTarget target, List<Row> children, boolean expanded) {

        Row(ConnectTarget target) {
            this(target, new ArrayList<>(), false);
        }

        Row open(boolean open) {
            return new Row(target, children, open);
        }
    }

    /** The tree for a search text (empty: everything). Matching rows and their parents stay. */
    Row build(String search, String profilesHeading) {
        String q = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        Row root = new Row(new ConnectTarget.Group("", ""));
        if (sandbox != null && matches(sandbox, q)) {
            Row group = new Row(new ConnectTarget.Group(sandboxHeading, "")).open(true);
            group.children().add(new Row(sandbox));
            root.children().add(group);
        }
        Row profileGroup = new Row(new ConnectTarget.Group(profilesHeading, "")).open(true);
        for (ProfileInfo p : profiles) {
            ConnectTarget t = new ConnectTarget.Profile(p);
            if (matches(t, q)) {
                profileGroup.children().add(new Row(t));
            }
        }
        if (!profileGroup.children().isEmpty()) {
            root.children().add(profileGroup);
        }
        for (ConnectTarget.SsoSession s : sessions.values()) {
            Row sessionRow = new Row(s).open(true);
            for (SsoAccount a : accounts.getOrDefault(s.info().name(), List.of())) {
                ConnectTarget.Account account = new ConnectTarget.Account(s.info(), a);
                Row accountRow = new Row(account);
                boolean accountMatches = matches(account, q);
                List<SsoRole> known = roles.get(s.info().name() + "/" + a.accountId());
                for (SsoRole r : known == null ? List.<SsoRole>of() : known) {
                    ConnectTarget.Role role = new ConnectTarget.Role(s.info(), a, r);
                    if (accountMatches || matches(role, q)) {
                        accountRow.children().add(new Row(role));
                    }
                }
                if (known == null) {
                    // Not loaded yet: a child makes the row expandable; expanding loads the roles.
                    accountRow.children().add(new Row(new ConnectTarget.Group("…", "")));
                }
                accountRow = accountRow.open(!q.isEmpty() && known != null && !accountRow.children().isEmpty());
                if (accountMatches || (known != null && !accountRow.children().isEmpty())) {
                    sessionRow.children().add(accountRow);
                }
            }
            if (q.isEmpty() || matches(s, q) || !sessionRow.children().isEmpty()) {
                root.children().add(sessionRow);
            }
        }
        return root;
    }

    private static boolean matches(ConnectTarget t, String q) {
        return q.isEmpty() || t.label().toLowerCase(Locale.ROOT).contains(q)
                || (t.detail() != null && t.detail().toLowerCase(Locale.ROOT).contains(q));
    }
}
