package dev.layerstudio.ui.project;

import dev.layerstudio.ui.task.BackgroundTask;
import dev.layerstudio.ui.task.TaskExecutor;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The start page's list of recent projects, read and changed in the background. */
public final class RecentListModel {

    private final RecentProjects recent;
    private final TaskExecutor executor;
    private final ObservableList<RecentProjects.Entry> entries = FXCollections.observableArrayList();

    public RecentListModel(RecentProjects recent, TaskExecutor executor) {
        this.recent = recent;
        this.executor = executor;
    }

    /** Reads the list again (each file checked for being there). */
    public void refresh() {
        BackgroundTask.of(p -> recent.list()).onSuccess(entries::setAll).start(executor);
    }

    /** Takes an entry off the list; the file itself is left alone. */
    public void remove(RecentProjects.Entry entry) {
        entries.remove(entry);
        BackgroundTask.of(p -> {
            recent.remove(entry.file());
            return recent.list();
        }).onSuccess((List<RecentProjects.Entry> list) -> entries.setAll(list)).start(executor);
    }

    /** Most recent first. */
    public ObservableList<RecentProjects.Entry> entries() {
        return entries;
    }
}
