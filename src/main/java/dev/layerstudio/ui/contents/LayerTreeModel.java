package dev.layerstudio.ui.contents;

import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.ContentNode;
import dev.layerstudio.model.ContentSource;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerPaths;
import dev.layerstudio.ui.common.Texts;
import dev.layerstudio.ui.common.StatusLine;
import dev.layerstudio.ui.common.UserMessage;
import dev.layerstudio.ui.task.TaskExecutor;
import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The layer tree of the Contents step: the user's edits (add files and folders, move,
 * rename, delete, settle conflicts) as new immutable {@link LayerContent}s written to
 * {@link WizardState#contentProperty()}, with undo. Scanning added folders runs in the
 * background; everything else is a cheap change of the tree.
 */
public final class LayerTreeModel {

    private static final int UNDO_LIMIT = 50;

    private final WizardState state;
    private final LayerBuilder builder;
    private final TaskExecutor executor;
    private final ResourceBundle text;
    private final Texts texts;

    private final Deque<LayerContent> undo = new ArrayDeque<>();
    private final IntegerProperty undoSize = new SimpleIntegerProperty(0);
    private final Set<String> expanded = new HashSet<>(Set.of("python"));
    private final ContentTreeItem rootItem = ContentTreeItem.root(LayerContent.empty(), expanded);
    private final ObservableList<ContentNode> conflicts = FXCollections.observableArrayList();
    private final ObservableList<ContentNode> conflictsView = FXCollections.unmodifiableObservableList(conflicts);
    private final ReadOnlyBooleanWrapper adding = new ReadOnlyBooleanWrapper(false);
    private final StatusLine status = new StatusLine();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding canUndo = undoSize.greaterThan(0);
    private final BooleanBinding empty;
    private final BooleanBinding complete;

    public LayerTreeModel(WizardState state, LayerBuilder builder, TaskExecutor executor, ResourceBundle text) {
        this.state = state;
        this.builder = builder;
        this.executor = executor;
        this.text = text;
        this.texts = new Texts(text);
        empty = Bindings.createBooleanBinding(() -> content().isEmpty(), state.contentProperty());
        complete = Bindings.createBooleanBinding(() -> !content().isEmpty() && conflicts.isEmpty(),
                state.contentProperty(), conflicts);
        state.contentProperty().addListener((o, a, now) -> show(now));
        show(state.contentProperty().get());
    }

    /** The content as it stands (empty before anything was installed or added). */
    public LayerContent content() {
        LayerContent c = state.contentProperty().get();
        return c == null ? LayerContent.empty() : c;
    }

    // ---- edits ----

    /**
     * Adds files and folders from disk: into {@code folder} (a folder of the layer, "" for
     * the top) keeping their names, or to {@code python/<name>} when {@code folder} is null
     * ({@code nodejs/node_modules/<name>} for a Node.js runtime, where require() finds it).
     * The folders are read in the background.
     */
    public void add(List<Path> files, String folder) {
        if (files.isEmpty()) {
            return;
        }
        adding.set(true);
        StatusLine.Action action = status.begin(String.format(text.getString("contents.tree.adding"),
                files.size() == 1 ? files.get(0).getFileName() : files.size() + " "
                        + text.getString("contents.tree.items")));
        dev.layerstudio.model.Runtime runtime = state.runtimeProperty().get();
        String into = folder != null ? folder + "/" : runtime != null && runtime.isNode()
                ? runtime.nodeModulesPath(false) + "/" : null;
        BackgroundTask.of(p -> {
            LayerContent scanned = LayerContent.empty();
            for (Path f : files) {
                scanned = builder.add(scanned, new AddedPath(f, into));
            }
            return scanned;
        }).onSuccess(scanned -> {
            if (!edit(c -> c.add(scanned.nodes()), texts.text("contents.tree.addedCount",
                    scanned.fileCount()))) {
                action.say(""); // nothing new was added (a refusal has said why already)
            }
        }).onError(Exception.class, action::fail)
                .onCancelled(() -> action.say(""))
                .andFinally(() -> adding.set(false))
                .start(executor);
    }

    /** Moves nodes into a folder ("" for the top of the layer), keeping their names. */
    public boolean moveInto(Collection<String> paths, String folder) {
        return edit(c -> {
            LayerContent next = c;
            for (String p : paths) {
                if (!LayerPaths.parent(p).equals(folder)) {
                    next = next.moveInto(p, folder);
                }
            }
            return next;
        });
    }

    public boolean rename(String path, String newName) {
        if (LayerPaths.name(path).equals(newName)) {
            return false;
        }
        return edit(c -> c.rename(path, newName.strip()));
    }

    /** Removes nodes; the status line says what went (Undo puts it back). */
    public boolean remove(Collection<String> paths) {
        List<String> gone = List.copyOf(paths);
        String said = gone.size() == 1
                ? String.format(text.getString("contents.tree.removedOne"), gone.get(0))
                : String.format(text.getString("contents.tree.removedMany"), gone.size());
        return edit(c -> c.removeAll(gone), said);
    }

    /** Makes an empty folder inside {@code parent} ("" for the top) and returns its path. */
    public String createFolder(String parent) {
        String base = text.getString("contents.tree.newFolderName");
        String path = LayerPaths.join(parent, base);
        for (int i = 2; content().contains(path); i++) {
            path = LayerPaths.join(parent, base + " " + i);
        }
        String made = path;
        expanded.add(parent);
        return edit(c -> c.createFolder(made)) ? made : null;
    }

    /** Settles one conflict: {@code winner} goes in, the other sources do not. */
    public boolean resolve(String path, ContentSource winner) {
        return edit(c -> c.resolve(path, winner));
    }

    /** Settles every conflict: the user's files win, or the installed ones. */
    public boolean resolveAll(boolean mine) {
        return edit(c -> c.resolveAll(mine ? ConflictPolicy.PREFER_MINE : ConflictPolicy.PREFER_INSTALLED));
    }

    /** Puts back the content as it was before the last change. */
    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        LayerContent previous = undo.pop();
        undoSize.set(undo.size());
        state.contentProperty().set(previous);
        status.show(text.getString("contents.tree.undone"));
    }

    /**
     * A fresh installation replaces the installed part of the tree; the user's own files
     * stay where they were. The nodes of the previous installation are gone from disk,
     * so there is nothing to undo to.
     */
    public void replaceInstalled(LayerContent installed) {
        List<ContentNode> mine = new ArrayList<>();
        for (ContentNode n : content().nodes()) {
            List<ContentSource> user = n.sources().stream().filter(ContentSource::isUser).toList();
            if (!user.isEmpty()) {
                mine.add(new ContentNode(n.path(), n.directory(), user));
            }
        }
        LayerContent merged;
        try {
            merged = installed.add(mine);
        } catch (RuntimeException e) {
            merged = installed;
            status.showError(UserMessage.sentence(e));
        }
        undo.clear();
        undoSize.set(0);
        state.contentProperty().set(merged);
    }

    /**
     * Settles conflicts and slims as a project's build does ({@code build --project}: conflicts by its
     * policy, then its slimming rules), after an install; nothing to undo to, as after any install.
     */
    public void settle(ConflictPolicy prefer, Set<dev.layerstudio.model.SlimRule> slimming) {
        LayerContent c = content();
        try {
            if (prefer != ConflictPolicy.FAIL) {
                c = c.resolveAll(prefer);
            }
            if (!slimming.isEmpty()) {
                c = builder.applySlimming(c, builder.previewSlimming(c, slimming));
            }
        } catch (RuntimeException e) {
            status.showError(UserMessage.sentence(e));
            return;
        }
        state.contentProperty().set(c);
    }

    /** Applies one change; a change the tree refuses leaves it as it was and says why. */
    private boolean edit(UnaryOperator<LayerContent> change) {
        return edit(change, null);
    }

    /** @param said what the status line says once the change is made (null: nothing; older words go) */
    private boolean edit(UnaryOperator<LayerContent> change, String said) {
        LayerContent before = content();
        LayerContent after;
        try {
            after = change.apply(before);
        } catch (RuntimeException e) {
            status.showError(UserMessage.sentence(e));
            return false;
        }
        if (after.equals(before)) {
            return false;
        }
        undo.push(before);
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        undoSize.set(undo.size());
        if (said == null) {
            status.begin();
        } else {
            status.show(said);
        }
        state.contentProperty().set(after);
        return true;
    }


    // ---- the view ----

    private void show(LayerContent now) {
        LayerContent c = now == null ? LayerContent.empty() : now;
        conflicts.setAll(c.conflicts());
        summary.set(c.isEmpty() ? "" : texts.text("contents.tree.summaryCount", c.fileCount(),
                dev.layerstudio.model.ByteSizes.human(c.totalBytes())));
        rootItem.show(c);
    }

    /** Bytes of a file, or of everything under a folder. */
    public long bytesOf(ContentNode node) {
        return content().bytesUnder(node.path());
    }

    /** Whether a node may be dropped into a folder: not into itself or below itself. */
    public boolean canMoveInto(String path, String folder) {
        return content().contains(path) && !LayerPaths.isWithin(folder, path)
                && !LayerPaths.parent(path).equals(folder);
    }

    /** The (hidden) top of the layer tree; it stays while the content under it changes. */
    public TreeItem<ContentNode> root() {
        return rootItem;
    }

    /** Files claimed by two sources, until the user settles them. */
    public ObservableList<ContentNode> conflicts() {
        return conflictsView;
    }

    public ReadOnlyBooleanProperty addingProperty() {
        return adding.getReadOnlyProperty();
    }

    /** The last thing said about an edit: what was added, or why a change was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    /** The tree's status line (the Contents page links it to the install's). */
    StatusLine statusLine() {
        return status;
    }

    /** "1,204 files · 14.2 MB" */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    /** True while there is nothing in the layer. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    /** True when the tree has content and no conflicts. */
    public BooleanBinding completeProperty() {
        return complete;
    }
}
